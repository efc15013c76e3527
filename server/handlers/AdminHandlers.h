#pragma once

namespace ccr::server {

class AccountService;
class Dispatcher;

/** People management for admins: agents, admin requests, account states. */
namespace AdminHandlers {
void registerIn(Dispatcher& dispatcher, AccountService& accounts);
}

} // namespace ccr::server
