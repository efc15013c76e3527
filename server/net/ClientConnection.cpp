#include "ClientConnection.h"

#include "NetLog.h"
#include "common/Framing.h"
#include "common/Protocol.h"
#include "store/GroupCommit.h"

#include <QAtomicInteger>
#include <QSslSocket>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {
QAtomicInteger<quint64> nextConnectionId{1};
}

ClientConnection::ClientConnection(QSslSocket* socket, qsizetype maxFrameBytes, int idleTimeoutMs,
                                   qint64 maxPendingWriteBytes, QObject* parent)
    : QObject(parent), m_socket(socket), m_decoder(maxFrameBytes), m_peerAddress(socket->peerAddress().toString()),
      m_id(nextConnectionId.fetchAndAddRelaxed(1)), m_maxPendingWriteBytes(maxPendingWriteBytes)
{
    socket->setParent(this);
    m_lastHeard.start();
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(idleTimeoutMs);
    m_idleTimer.start();
    connect(&m_idleTimer, &QTimer::timeout, this, &ClientConnection::onIdleTimeout);
    connect(socket, &QSslSocket::readyRead, this, &ClientConnection::onReadyRead);
    connect(socket, &QSslSocket::disconnected, this, [this] {
        qCDebug(lcNet) << "connection" << m_id << "closed";
        Q_EMIT closed(this);
    });
    qCDebug(lcNet) << "connection" << m_id << "from" << m_peerAddress;
    // Data may have arrived with the handshake, before readyRead was connected.
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &ClientConnection::onReadyRead, Qt::QueuedConnection);
}

ClientConnection::~ClientConnection() = default;

void ClientConnection::setAuth(const ConnectionAuth& auth)
{
    m_auth = auth;
    m_idleTimer.stop();
}

void ClientConnection::clearAuth()
{
    m_auth.reset();
    m_idleTimer.start();
}

void ClientConnection::endSession(common::SessionEndReason reason)
{
    clearAuth();
    sendEvent(common::Protocol::Event::SessionEnded, {{QLatin1String("reason"), common::sessionEndReasonName(reason)}});
}

void ClientConnection::sendReply(quint64 requestId, const QCborMap& result)
{
    write(common::ReplyEnvelope{requestId, result, std::nullopt}.toCbor());
}

void ClientConnection::sendError(quint64 requestId, const Error& error)
{
    write(common::ReplyEnvelope{requestId, {}, error}.toCbor());
}

void ClientConnection::sendEvent(const QString& event, const QCborMap& data)
{
    sendFrame(eventFrame(event, data));
}

QByteArray ClientConnection::eventFrame(const QString& event, const QCborMap& data)
{
    return common::Framing::encode(common::EventEnvelope{event, data}.toCbor());
}

void ClientConnection::sendFrame(const QByteArray& frame)
{
    if (!m_socket || m_closing)
        return;
    whenCommitted([this, frame] { transmit(frame); });
}

void ClientConnection::closeWithError(const Error& error)
{
    if (m_closing || !m_socket)
        return;
    qCInfo(lcNet) << "closing connection" << m_id << "from" << m_peerAddress << ":" << common::errorCodeName(error.code)
                  << error.message;
    const QByteArray frame = common::Framing::encode(common::ReplyEnvelope{0, {}, error}.toCbor());
    m_closing = true;
    m_idleTimer.stop();
    whenCommitted([this, frame] {
        transmit(frame);
        // disconnectFromHost() flushes what is buffered before closing.
        if (m_socket)
            m_socket->disconnectFromHost();
    });
}

void ClientConnection::onReadyRead()
{
    if (!m_socket || m_closing)
        return;
    m_decoder.append(m_socket->readAll());
    while (!m_closing) {
        auto frame = m_decoder.next();
        if (!frame) {
            closeWithError(frame.error());
            return;
        }
        if (!frame.value())
            return;
        m_lastHeard.start();
        if (!m_auth)
            m_idleTimer.start();
        auto request = common::RequestEnvelope::fromCbor(*frame.value());
        if (!request) {
            closeWithError(request.error());
            return;
        }
        Q_EMIT requestReceived(this, request.value());
    }
}

void ClientConnection::onIdleTimeout()
{
    closeWithError(Error(ErrorCode::IdleTimeout));
}

void ClientConnection::write(const QCborMap& message)
{
    sendFrame(common::Framing::encode(message));
}

void ClientConnection::whenCommitted(std::function<void()> action)
{
    if (!m_commits || !m_commits->isOpen()) {
        action();
        return;
    }
    m_commits->afterCommit(this, std::move(action), [this] {
        qCWarning(lcNet) << "dropping connection" << m_id << "from" << m_peerAddress
                         << ": the transaction its replies waited for did not commit";
        if (m_socket)
            m_socket->abort();
    });
}

void ClientConnection::transmit(const QByteArray& frame)
{
    if (!m_socket || m_dropped)
        return;
    m_socket->write(frame);
    // A client that stops reading must not make the server buffer its pushes without end.
    // Encrypted bytes wait in the TCP socket below the TLS layer: count both.
    const qint64 unsent = m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
    if (unsent > m_maxPendingWriteBytes) {
        qCWarning(lcNet) << "connection" << m_id << "from" << m_peerAddress << "is not reading; dropping it with"
                         << unsent << "bytes unsent";
        m_closing = true;
        m_dropped = true;
        m_idleTimer.stop();
        // Later, not here: write() may run while the registry walks its connections.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_socket)
                    m_socket->abort();
            },
            Qt::QueuedConnection);
    }
}

} // namespace ccr::server
