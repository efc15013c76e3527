#pragma once

#include "common/Role.h"
#include "common/SessionEndReason.h"

#include <QCborMap>
#include <QHash>
#include <QList>
#include <QObject>
#include <functional>
#include <limits>

namespace ccr::server {

class ClientConnection;
class Clock;
struct ConnectionAuth;

/** Every open connection, for pushing events and for ending sessions that were revoked. */
class ConnectionRegistry final : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionRegistry(const Clock& clock, QObject* parent = nullptr) : QObject(parent), m_clock(clock) {}

    ~ConnectionRegistry() override;

    /**
     * Takes ownership of the connection until it closes. If more than the limit of connections
     * are then not signed in, the one that has been silent longest is closed to make room.
     */
    void add(ClientConnection* connection);
    void setMaxUnauthenticated(int limit) { m_maxUnauthenticated = limit; }
    /** Drops every connection at once, as a server shutdown does. */
    void closeAll();
    qsizetype count() const { return m_connections.size(); }

    /** Signs those connections out and tells them with a session.ended event. */
    void endSessions(const QList<qint64>& sessionIds, common::SessionEndReason reason);
    void sendToRole(common::Role role, const QString& event, const QCborMap& data);
    /** Calls visit for every connection signed in with a session that has not expired and is not restricted. */
    void forEachSignedIn(const std::function<void(ClientConnection&, const ConnectionAuth&)>& visit) const;

private:
    void shedSilentUnauthenticated();

    const Clock& m_clock;
    int m_maxUnauthenticated = std::numeric_limits<int>::max();
    QHash<quint64, ClientConnection*> m_connections;
};

} // namespace ccr::server
