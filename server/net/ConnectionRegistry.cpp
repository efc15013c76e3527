#include "ConnectionRegistry.h"

#include "ClientConnection.h"
#include "common/Protocol.h"

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
    for (auto* connection : std::as_const(m_connections)) {
        if (connection->auth() && connection->auth()->role == role)
            connection->sendEvent(event, data);
    }
}

} // namespace ccr::server

namespace ccr::server {

void ConnectionRegistry::forEachSignedIn(
    const std::function<void(ClientConnection&, const ConnectionAuth&)>& visit) const
{
    for (auto* connection : std::as_const(m_connections)) {
        if (connection->auth())
            visit(*connection, *connection->auth());
    }
}

} // namespace ccr::server
