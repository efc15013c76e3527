#include "AccountHandlers.h"

#include "common/Protocol.h"
#include "common/account/RequestPasswordResetParams.h"
#include "net/ClientConnection.h"
#include "net/Dispatcher.h"
#include "services/MailQueueView.h"
#include "services/PasswordService.h"
#include "services/PreferenceService.h"

namespace ccr::server::AccountHandlers {

namespace Method = common::Protocol::Method;

void registerIn(Dispatcher& dispatcher, PasswordService& passwords, PreferenceService& preferences,
                MailQueueView& mailQueue)
{
    dispatcher.addTyped<common::RequestPasswordResetParams>(
        Method::RequestPasswordReset, [&passwords](const CallContext&, const auto& params, const Responder& out) {
            // Answered the same way whether or not the address is registered.
            out.send(passwords.requestReset(params.email));
        });
    dispatcher.addTyped<common::ResetPasswordParams>(
        Method::ResetPassword, [&passwords](const CallContext&, const auto& params, const Responder& out) {
            passwords.resetPassword(params, [out](common::Result<void> result) { out.send(result); });
        });
    dispatcher.addTyped<common::ChangePasswordParams>(
        Method::ChangePassword, [&passwords](const CallContext& call, const auto& params, const Responder& out) {
            const qint64 sessionId = call.connection->auth() ? call.connection->auth()->sessionId : 0;
            passwords.changePassword(call.userId(), sessionId, params,
                                     [out](common::Result<void> result) { out.send(result); });
        });
    dispatcher.add(Method::GetNotificationPreferences, [&preferences](const CallContext& call, const Responder& out) {
        out.send(preferences.get(call.userId()));
    });
    dispatcher.addTyped<common::NotificationPreferences>(
        Method::SetNotificationPreferences,
        [&preferences](const CallContext& call, const auto& params, const Responder& out) {
            out.send(preferences.set(call.userId(), params));
        });
    dispatcher.addTyped<common::MailQueueParams>(
        Method::MailQueue, [&mailQueue](const CallContext&, const auto& params, const Responder& out) {
            out.send(mailQueue.view(params));
        });
}

} // namespace ccr::server::AccountHandlers
