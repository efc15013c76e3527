#pragma once

#include "common/Result.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QSslServer>
#include <QTimer>

namespace ccr::server {

class ClientConnection;
class NetworkThread;
struct TlsIdentity;

/**
 * Accepts TLS 1.2+ connections and hands each one, handshake done, over as a ClientConnection.
 * At most Limits::maxHandshakes handshakes run at once (QSslServer stops accepting beyond);
 * when that is reached, handshakes stalled for kStalledHandshakeMs are dropped so that a
 * crowd of half-open connections cannot lock everyone else out.
 */
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
        int maxHandshakes = 1024;
    };

    /** A connection this old without a ClientHello when the listener is full is half-open, not a slow client. */
    static constexpr int kStalledHandshakeMs = 1000;

    /** Encrypted connections go on to networkThread (nullptr: they stay on this thread). */
    TlsListener(const TlsIdentity& identity, Limits limits, NetworkThread* networkThread, QObject* parent = nullptr);

    common::Result<void> listen(const QHostAddress& address, quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    void close() { m_server.close(); }

Q_SIGNALS:
    void connectionReady(ccr::server::ClientConnection* connection);

private:
    void onPendingConnection();
    void shedStalledHandshakes();

    QSslServer m_server;
    Limits m_limits;
    NetworkThread* m_networkThread;
    QTimer m_shedTimer;
    QElapsedTimer m_clock;
};

} // namespace ccr::server
