#pragma once

namespace ccr::server {

class Dispatcher;
class MailQueueView;
class PasswordService;
class PreferenceService;

/** Password reset and change, notification preferences, and the admins' view of the mail queue. */
namespace AccountHandlers {
void registerIn(Dispatcher& dispatcher, PasswordService& passwords, PreferenceService& preferences,
                MailQueueView& mailQueue);
}

} // namespace ccr::server
