#include "TwoFactorHandlers.h"

#include "common/Protocol.h"
#include "common/account/DisableTwoFactorParams.h"
#include "common/account/TwoFactorCodeParams.h"
#include "net/ClientConnection.h"
#include "net/Dispatcher.h"
#include "services/AccountService.h"
#include "services/TwoFactorService.h"
#include "store/UserRecord.h"

namespace ccr::server::TwoFactorHandlers {

namespace Method = common::Protocol::Method;

void registerIn(Dispatcher& dispatcher, TwoFactorService& twoFactor, AccountService& accounts)
{
    dispatcher.add(Method::TwoFactorStatus, [&twoFactor, &accounts](const CallContext& call, const Responder& out) {
        const auto user = accounts.userRecord(call.userId());
        if (!user)
            return out.fail(user.error());
        out.send(twoFactor.status(user.value()));
    });
    dispatcher.add(Method::BeginTwoFactor, [&twoFactor](const CallContext& call, const Responder& out) {
        out.send(twoFactor.begin(call.userId()));
    });
    dispatcher.addTyped<common::TwoFactorCodeParams>(
        Method::ConfirmTwoFactor, [&twoFactor](const CallContext& call, const auto& params, const Responder& out) {
            auto codes = twoFactor.confirm(call.userId(), params.code);
            // Set up now: the connection is no longer limited to setting it up.
            if (codes && call.connection->auth()) {
                ConnectionAuth auth = *call.connection->auth();
                auth.restricted = false;
                call.connection->setAuth(auth);
            }
            out.send(codes);
        });
    dispatcher.addTyped<common::DisableTwoFactorParams>(
        Method::DisableTwoFactor, [&twoFactor](const CallContext& call, const auto& params, const Responder& out) {
            twoFactor.disable(call.userId(), params.password, [out](common::Result<void> result) { out.send(result); });
        });
    dispatcher.add(Method::GetSettings, [&twoFactor](const CallContext&, const Responder& out) {
        out.reply(twoFactor.settings().toCbor());
    });
    dispatcher.addTyped<common::ServerSettings>(
        Method::SetSettings, [&twoFactor](const CallContext&, const auto& params, const Responder& out) {
            out.send(twoFactor.setSettings(params));
        });
}

} // namespace ccr::server::TwoFactorHandlers
