#include "TlsListener.h"

#include "ClientConnection.h"
#include "NetLog.h"
#include "tls/TlsIdentity.h"

#include <QSslConfiguration>
#include <QSslSocket>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {
const char* const kFirstSeen = "ccrFirstSeenMs";
const char* const kHelloSeen = "ccrHelloSeen";
} // namespace

TlsListener::TlsListener(const TlsIdentity& identity, Limits limits, NetworkThread* networkThread, QObject* parent)
    : QObject(parent), m_limits(limits), m_networkThread(networkThread)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(QList<QSslCertificate>{identity.certificate} + identity.intermediates);
    configuration.setPrivateKey(identity.privateKey);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    // Clients are not verified by certificate, so no CA list: building one into every
    // connection's TLS context made accepting thousands of connections slow and memory-hungry.
    configuration.setCaCertificates({});
    m_server.setSslConfiguration(configuration);
    m_server.setHandshakeTimeout(limits.handshakeTimeoutMs);
    // QSslServer counts handshakes in progress against this and stops accepting when it is reached.
    m_server.setMaxPendingConnections(limits.maxHandshakes);
    m_clock.start();
    m_shedTimer.setInterval(250);
    connect(&m_shedTimer, &QTimer::timeout, this, &TlsListener::shedStalledHandshakes);
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, &TlsListener::onPendingConnection);
    // A ClientHello arrived: the handshake is under way, slow perhaps (the CPU is busy in a
    // reconnection storm) but not stalled; the handshake timeout still applies to it.
    connect(&m_server, &QSslServer::startedEncryptionHandshake, this,
            [](QSslSocket* socket) { socket->setProperty(kHelloSeen, true); });
    connect(&m_server, &QSslServer::errorOccurred, this, [](QSslSocket* socket, QAbstractSocket::SocketError) {
        qCDebug(lcNet) << "TLS handshake failed from" << socket->peerAddress().toString() << ":"
                       << socket->errorString();
    });
}

common::Result<void> TlsListener::listen(const QHostAddress& address, quint16 port)
{
    // Qt's default backlog of 50 drops connection storms (every client reconnecting after a
    // restart) into SYN retries with growing back-off; the kernel caps this at somaxconn.
    m_server.setListenBacklogSize(4096);
    m_shedTimer.start();
    if (!m_server.listen(address, port))
        return Error(ErrorCode::Unavailable, QStringLiteral("Cannot listen on %1 port %2: %3")
                                                 .arg(address.toString())
                                                 .arg(port)
                                                 .arg(m_server.errorString()));
    return {};
}

void TlsListener::onPendingConnection()
{
    while (m_server.hasPendingConnections()) {
        auto* socket = qobject_cast<QSslSocket*>(m_server.nextPendingConnection());
        if (!socket)
            continue;
        Q_EMIT connectionReady(new ClientConnection(socket, m_networkThread, m_limits.maxFrameBytes,
                                                    m_limits.idleTimeoutMs, m_limits.maxPendingWriteBytes, this));
    }
}

void TlsListener::shedStalledHandshakes()
{
    // Sockets still handshaking are QSslServer's children; finished ones were taken over.
    const auto handshaking = m_server.findChildren<QSslSocket*>(Qt::FindDirectChildrenOnly);
    const qint64 now = m_clock.elapsed();
    QList<QSslSocket*> stalled;
    for (auto* socket : handshaking) {
        const QVariant seen = socket->property(kFirstSeen);
        if (!seen.isValid())
            socket->setProperty(kFirstSeen, now);
        else if (!socket->property(kHelloSeen).isValid() && now - seen.toLongLong() >= kStalledHandshakeMs)
            stalled.append(socket);
    }
    // Only when full: then the stalled ones hold places that connections waiting in the listen
    // backlog (perhaps behind thousands of half-open ones) need.
    if (handshaking.size() >= m_limits.maxHandshakes && !stalled.isEmpty()) {
        for (auto* socket : std::as_const(stalled)) {
            socket->abort();
            socket->deleteLater();
        }
        qCWarning(lcNet) << "handshake limit of" << m_limits.maxHandshakes << "reached; dropped" << stalled.size()
                         << "stalled handshakes";
    }
    // QSslServer resumes accepting only after a timeout or when a connection is taken: also after a failure or the
    // shedding.
    m_server.resumeAccepting();
}

} // namespace ccr::server
