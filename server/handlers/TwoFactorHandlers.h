#pragma once

namespace ccr::server {

class AccountService;
class Dispatcher;
class TwoFactorService;

/** Two-factor sign-in: status, set up, confirm, turn off; and the admins' server settings. */
namespace TwoFactorHandlers {
void registerIn(Dispatcher& dispatcher, TwoFactorService& twoFactor, AccountService& accounts);
}

} // namespace ccr::server
