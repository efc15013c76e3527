#include "ConnectionRegistry.h"

#include "ClientConnection.h"
#include "common/Protocol.h"
#include "services/Clock.h"

namespace ccr::server {

ConnectionRegistry::~ConnectionRegistry()
{
    closeAll();
}

void ConnectionRegistry::add(ClientConnection* connection)
{
    connection->setParent(this);
    m_connections.insert(connection->id(), connection);
    connect(connection, &ClientConnection::closed, this, [this](ClientConnection* closed) {
        m_connections.remove(closed->id());
        closed->deleteLater();
    });
    shedSilentUnauthenticated();
}

void ConnectionRegistry::shedSilentUnauthenticated()
{
    int waiting = 0;
    ClientConnection* silentLongest = nullptr;
    for (auto* connection : std::as_const(m_connections)) {
        if (connection->auth() || connection->isClosing())
            continue;
        ++waiting;
        if (!silentLongest || connection->silentForMs() > silentLongest->silentForMs())
            silentLongest = connection;
    }
    if (waiting > m_maxUnauthenticated && silentLongest)
        silentLongest->closeWithError(common::Error(
            common::ErrorCode::Unavailable,
            QStringLiteral("The server has too many connections waiting to sign in; connect again and sign in.")));
}

void ConnectionRegistry::closeAll()
{
    const auto connections = std::exchange(m_connections, {});
    qDeleteAll(connections);
}

void ConnectionRegistry::endSessions(const QList<qint64>& sessionIds, common::SessionEndReason reason)
{
    for (auto* connection : std::as_const(m_connections)) {
        const auto& auth = connection->auth();
        if (auth && sessionIds.contains(auth->sessionId)) {
            connection->endSession(reason);
        }
    }
}

void ConnectionRegistry::sendToRole(common::Role role, const QString& event, const QCborMap& data)
{
    QByteArray frame;
    forEachSignedIn([&](ClientConnection& connection, const ConnectionAuth& auth) {
        if (auth.role != role)
            return;
        if (frame.isEmpty())
            frame = ClientConnection::eventFrame(event, data);
        connection.sendFrame(frame);
    });
}

} // namespace ccr::server

namespace ccr::server {

void ConnectionRegistry::forEachSignedIn(
    const std::function<void(ClientConnection&, const ConnectionAuth&)>& visit) const
{
    const QDateTime now = m_clock.now();
    for (auto* connection : std::as_const(m_connections)) {
        // Connections that must set up two-factor sign-in first see nothing else until they have.
        if (connection->auth() && connection->auth()->expiresAt > now && !connection->auth()->restricted)
            visit(*connection, *connection->auth());
    }
}

} // namespace ccr::server
