#include "SessionHandlers.h"

#include "common/Protocol.h"
#include "common/messages/HelloParams.h"
#include "common/messages/HelloResult.h"
#include "common/messages/ResumeParams.h"
#include "common/messages/UserResult.h"
#include "net/ClientConnection.h"
#include "net/Dispatcher.h"
#include "services/AccountService.h"

#include <QPointer>

namespace ccr::server::SessionHandlers {

using common::Error;
using common::ErrorCode;
namespace Protocol = common::Protocol;

namespace {

void authenticate(ClientConnection* connection, const SessionGrant& grant)
{
    connection->setAuth(ConnectionAuth{grant.sessionId, grant.info.user.id, grant.info.user.role, grant.info.expiresAt,
                                       grant.info.twoFactorSetupRequired});
}

} // namespace

void registerIn(Dispatcher& dispatcher, AccountService& accounts)
{
    dispatcher.addTyped<common::HelloParams>(
        Protocol::Method::Hello, [](const CallContext& call, const common::HelloParams& params, const Responder& out) {
            if (params.major != Protocol::kMajorVersion) {
                QCborMap details{{QLatin1String("serverMajor"), Protocol::kMajorVersion},
                                 {QLatin1String("serverMinor"), Protocol::kMinorVersion}};
                return out.fail(Error(ErrorCode::UnsupportedVersion,
                                      QStringLiteral("This server speaks protocol %1.%2; the client speaks %3.%4.")
                                          .arg(Protocol::kMajorVersion)
                                          .arg(Protocol::kMinorVersion)
                                          .arg(params.major)
                                          .arg(params.minor),
                                      details));
            }
            call.connection->setHelloDone();
            out.reply(common::HelloResult{Protocol::kMajorVersion, Protocol::kMinorVersion,
                                          QStringLiteral("ccr-server/") + QStringLiteral(CCR_VERSION)}
                          .toCbor());
        });

    dispatcher.addTyped<common::RegisterParams>(
        Protocol::Method::Register,
        [&accounts](const CallContext&, const common::RegisterParams& params, const Responder& out) {
            accounts.registerUser(params, [out](common::Result<common::UserInfo> user) {
                if (!user)
                    return out.fail(user.error());
                out.reply(common::UserResult{user.value()}.toCbor());
            });
        });

    dispatcher.addTyped<common::SignInParams>(Protocol::Method::SignIn, [&accounts](const CallContext& call,
                                                                                    const common::SignInParams& params,
                                                                                    const Responder& out) {
        QPointer<ClientConnection> connection(call.connection);
        accounts.signIn(params, call.connection->peerAddress(), [connection, out](common::Result<SessionGrant> grant) {
            if (!grant)
                return out.fail(grant.error());
            if (connection)
                authenticate(connection, grant.value());
            out.reply(grant->info.toCbor());
        });
    });

    dispatcher.addTyped<common::ResumeParams>(
        Protocol::Method::Resume,
        [&accounts](const CallContext& call, const common::ResumeParams& params, const Responder& out) {
            auto grant = accounts.resume(params.token);
            if (!grant)
                return out.fail(grant.error());
            authenticate(call.connection, grant.value());
            out.reply(grant->info.toCbor());
        });

    dispatcher.add(Protocol::Method::SignOut, [&accounts](const CallContext& call, const Responder& out) {
        const qint64 sessionId = call.connection->auth()->sessionId;
        // Signed out here first, so only the session's other connections get session.ended.
        call.connection->clearAuth();
        out.send(accounts.signOut(sessionId));
    });

    dispatcher.add(Protocol::Method::Me, [&accounts](const CallContext& call, const Responder& out) {
        auto user = accounts.user(call.userId());
        if (!user)
            return out.fail(user.error());
        out.reply(common::UserResult{user.value()}.toCbor());
    });
}

} // namespace ccr::server::SessionHandlers
