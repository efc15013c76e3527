#include "Session.h"

#include "ApiClient.h"
#include "TypedCall.h"
#include "common/Protocol.h"
#include "common/messages/SessionInfo.h"
#include "common/messages/SignInParams.h"
#include "common/messages/UserResult.h"

namespace ccr::app {

using common::Error;
using common::ErrorCode;
namespace Method = common::Protocol::Method;

Session::Session(ApiClient& client, QObject* parent) : QObject(parent), m_client(client)
{
    connect(&m_client, &ApiClient::sessionResumed, this, [this](const common::SessionInfo& session) {
        const bool wasSignedIn = m_user.has_value();
        m_user = session.user;
        if (!wasSignedIn)
            Q_EMIT signedIn(session.user);
    });
    connect(&m_client, &ApiClient::sessionEnded, this, &Session::end);
}

void Session::signIn(const QString& email, const QString& password, QObject* context, Done<common::UserInfo> done,
                     const QString& totpCode, const QString& recoveryCode)
{
    QPointer<Session> self(this);
    const common::SignInParams params{email, password, totpCode, recoveryCode};
    callFor<common::SessionInfo>(m_client, Method::SignIn, params.toCbor(), context,
                                 [this, self, done](const common::Result<common::SessionInfo>& session) {
                                     if (!session)
                                         return done(session.error());
                                     if (self) {
                                         m_client.setSessionToken(session->token);
                                         m_user = session->user;
                                         Q_EMIT signedIn(session->user);
                                     }
                                     done(session->user);
                                 });
}

void Session::registerAccount(const common::RegisterParams& params, QObject* context, Done<common::UserInfo> done)
{
    callFor<common::UserResult>(m_client, Method::Register, params.toCbor(), context,
                                [done](const common::Result<common::UserResult>& result) {
                                    if (!result)
                                        return done(result.error());
                                    done(result->user);
                                });
}

void Session::signOut(QObject* context, Done<bool> done)
{
    QPointer<Session> self(this);
    m_client.call(Method::SignOut, {}, context, [this, self, done](const common::Result<QCborMap>& reply) {
        // Forget the session locally even if the server could not be told: the user asked to leave.
        if (self)
            end(Error(ErrorCode::NotAuthenticated, QStringLiteral("Signed out.")));
        if (!reply)
            return done(reply.error());
        done(true);
    });
}

QString Session::token() const
{
    return m_client.sessionToken();
}

void Session::adoptToken(const QString& token)
{
    m_client.setSessionToken(token);
}

void Session::end(const Error& reason)
{
    m_client.setSessionToken({});
    if (!m_user)
        return;
    m_user.reset();
    Q_EMIT signedOut(reason);
}

} // namespace ccr::app
