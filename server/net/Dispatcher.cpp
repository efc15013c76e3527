#include "Dispatcher.h"

#include "ClientConnection.h"
#include "NetLog.h"
#include "common/Protocol.h"
#include "services/Clock.h"
#include "services/PermissionTable.h"

namespace ccr::server {

using common::Error;
using common::ErrorCode;
namespace Protocol = common::Protocol;

void Dispatcher::add(const QString& method, Handler handler)
{
    if (!PermissionTable::knows(method))
        qFatal("method %s has no entry in the permission table", qPrintable(method));
    m_handlers.insert(method, std::move(handler));
}

void Dispatcher::dispatch(ClientConnection* connection, const common::RequestEnvelope& request)
{
    const Responder responder(connection, request.id);
    if (request.method != Protocol::Method::Hello && !connection->helloDone())
        return responder.fail(Error(ErrorCode::HelloRequired));

    const auto& auth = connection->auth();
    if (auth && auth->expiresAt <= m_clock.now()) {
        qCInfo(lcNet) << "session" << auth->sessionId << "expired on connection" << connection->id();
        connection->endSession(common::SessionEndReason::Expired);
        // Say "expired" rather than "not signed in" to a caller who was signed in a moment ago.
        const bool anonymousAllowed = PermissionTable::authorize(request.method, std::nullopt).ok();
        if (!anonymousAllowed)
            return responder.fail(Error(ErrorCode::SessionExpired));
    }

    if (connection->auth() && connection->auth()->restricted &&
        !PermissionTable::allowedBeforeTwoFactorSetup(request.method))
        return responder.fail(Error(ErrorCode::TwoFactorSetupRequired));
    const auto role = connection->auth() ? std::optional(connection->auth()->role) : std::nullopt;
    if (auto allowed = PermissionTable::authorize(request.method, role); !allowed) {
        qCDebug(lcNet) << "refused" << request.method << "on connection" << connection->id() << ":"
                       << common::errorCodeName(allowed.error().code);
        return responder.fail(allowed.error());
    }
    const auto handler = m_handlers.constFind(request.method);
    if (handler == m_handlers.constEnd())
        return responder.fail(Error(ErrorCode::UnknownMethod));
    Caller caller;
    if (const auto& signedIn = connection->auth())
        caller = Caller{signedIn->userId, signedIn->role};
    handler.value()(CallContext{connection, request.params, caller}, responder);
}

} // namespace ccr::server
