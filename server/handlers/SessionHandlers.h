#pragma once

namespace ccr::server {

class AccountService;
class Dispatcher;

/** hello, registration, sign-in, resume, sign-out and the caller's own account. */
namespace SessionHandlers {
void registerIn(Dispatcher& dispatcher, AccountService& accounts);
}

} // namespace ccr::server
