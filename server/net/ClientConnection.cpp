#include "ClientConnection.h"

#include "ConnectionIo.h"
#include "NetLog.h"
#include "NetworkThread.h"
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

ClientConnection::ClientConnection(QSslSocket* socket, NetworkThread* networkThread, qsizetype maxFrameBytes,
                                   int idleTimeoutMs, qint64 maxPendingWriteBytes, QObject* parent)
    : QObject(parent), m_io(new ConnectionIo(socket, maxFrameBytes, maxPendingWriteBytes)),
      m_peerAddress(socket->peerAddress().toString()), m_id(nextConnectionId.fetchAndAddRelaxed(1))
{
    m_lastHeard.start();
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(idleTimeoutMs);
    m_idleTimer.start();
    connect(&m_idleTimer, &QTimer::timeout, this, &ClientConnection::onIdleTimeout);
    // Queued: the socket's side runs on the network thread.
    connect(m_io, &ConnectionIo::requestsReceived, this, &ClientConnection::onRequests, Qt::QueuedConnection);
    connect(m_io, &ConnectionIo::inputRefused, this, &ClientConnection::closeWithError, Qt::QueuedConnection);
    connect(m_io, &ConnectionIo::dropped, this, &ClientConnection::onDropped, Qt::QueuedConnection);
    connect(
        m_io, &ConnectionIo::disconnected, this,
        [this] {
            qCDebug(lcNet) << "connection" << m_id << "closed";
            Q_EMIT closed(this);
        },
        Qt::QueuedConnection);
    // Not from here: this runs inside the socket's own handshake code (its encrypted()
    // signal), which goes on reading it afterwards; moved now, two threads would read it.
    QMetaObject::invokeMethod(
        this,
        [this, networkThread] {
            if (networkThread) {
                m_io->moveToThread(networkThread);
                onSocket([networkThread](ConnectionIo& io) {
                    networkThread->adopt(&io);
                    io.start();
                });
            } else {
                onSocket([](ConnectionIo& io) { io.start(); });
            }
        },
        Qt::QueuedConnection);
    qCDebug(lcNet) << "connection" << m_id << "from" << m_peerAddress;
}

ClientConnection::~ClientConnection()
{
    // On its own thread, after every write asked of it; the socket goes with it. Gone
    // already if the network thread ended first (a server stopping).
    if (m_io)
        m_io->deleteLater();
}

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
    write(common::EventEnvelope{event, data}.toCbor());
}

QByteArray ClientConnection::eventFrame(const QString& event, const QCborMap& data)
{
    return common::Framing::encode(common::EventEnvelope{event, data}.toCbor());
}

void ClientConnection::sendFrame(const QByteArray& frame)
{
    if (m_closing)
        return;
    whenCommitted([this, frame] { onSocket([frame](ConnectionIo& io) { io.writeFrame(frame); }); });
}

void ClientConnection::write(const QCborMap& message)
{
    if (m_closing)
        return;
    // Encoded into bytes on the network thread.
    whenCommitted([this, message] { onSocket([message](ConnectionIo& io) { io.writeMessage(message); }); });
}

void ClientConnection::closeWithError(const Error& error)
{
    if (m_closing)
        return;
    qCInfo(lcNet) << "closing connection" << m_id << "from" << m_peerAddress << ":" << common::errorCodeName(error.code)
                  << error.message;
    const QByteArray frame = common::Framing::encode(common::ReplyEnvelope{0, {}, error}.toCbor());
    m_closing = true;
    m_idleTimer.stop();
    whenCommitted([this, frame] { onSocket([frame](ConnectionIo& io) { io.writeAndClose(frame); }); });
}

void ClientConnection::onRequests(const QList<common::RequestEnvelope>& requests)
{
    for (const auto& request : requests) {
        if (m_closing)
            return;
        m_lastHeard.start();
        if (!m_auth)
            m_idleTimer.start();
        Q_EMIT requestReceived(this, request);
    }
}

void ClientConnection::onDropped(qint64 unsentBytes)
{
    qCWarning(lcNet) << "connection" << m_id << "from" << m_peerAddress << "is not reading; dropped it with"
                     << unsentBytes << "bytes unsent";
    m_closing = true;
    m_idleTimer.stop();
}

void ClientConnection::onIdleTimeout()
{
    closeWithError(Error(ErrorCode::IdleTimeout));
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
        onSocket([](ConnectionIo& io) { io.abort(); });
    });
}

void ClientConnection::onSocket(std::function<void(ConnectionIo&)> action)
{
    ConnectionIo* io = m_io;
    if (!io)
        return; // the network thread has ended: the server is stopping
    QMetaObject::invokeMethod(
        io, [io, action = std::move(action)] { action(*io); }, Qt::QueuedConnection);
}

} // namespace ccr::server
