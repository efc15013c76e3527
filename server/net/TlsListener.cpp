#include "TlsListener.h"

#include "ClientConnection.h"
#include "NetLog.h"
#include "tls/TlsIdentity.h"

#include <QSslConfiguration>
#include <QSslSocket>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

TlsListener::TlsListener(const TlsIdentity& identity, Limits limits, QObject* parent)
    : QObject(parent), m_limits(limits)
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
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, &TlsListener::onPendingConnection);
    connect(&m_server, &QSslServer::errorOccurred, this,
            [](QSslSocket* socket, QAbstractSocket::SocketError) {
                qCDebug(lcNet) << "TLS handshake failed from" << socket->peerAddress().toString() << ":"
                               << socket->errorString();
            });
}

common::Result<void> TlsListener::listen(const QHostAddress& address, quint16 port)
{
    // Qt's default backlog of 50 drops connection storms (every client reconnecting after a
    // restart) into SYN retries with growing back-off; the kernel caps this at somaxconn.
    m_server.setListenBacklogSize(4096);
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
        Q_EMIT connectionReady(new ClientConnection(socket, m_limits.maxFrameBytes, m_limits.idleTimeoutMs,
                                                    m_limits.maxPendingWriteBytes, this));
    }
}

} // namespace ccr::server
