#pragma once

#include "common/Result.h"

#include <QHostAddress>
#include <QObject>
#include <QSslServer>

namespace ccr::server {

class ClientConnection;
struct TlsIdentity;

/** Accepts TLS 1.2+ connections and hands each one, handshake done, over as a ClientConnection. */
class TlsListener final : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        qsizetype maxFrameBytes = 0;
        int idleTimeoutMs = 0;
        int handshakeTimeoutMs = 0;
        qint64 maxPendingWriteBytes = 0;
    };

    TlsListener(const TlsIdentity& identity, Limits limits, QObject* parent = nullptr);

    common::Result<void> listen(const QHostAddress& address, quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    void close() { m_server.close(); }

Q_SIGNALS:
    void connectionReady(ccr::server::ClientConnection* connection);

private:
    void onPendingConnection();

    QSslServer m_server;
    Limits m_limits;
};

} // namespace ccr::server
