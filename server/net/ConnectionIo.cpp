#include "ConnectionIo.h"

#include "common/Framing.h"

#include <QSslSocket>

namespace ccr::server {

ConnectionIo::ConnectionIo(QSslSocket* socket, qsizetype maxFrameBytes, qint64 maxPendingWriteBytes)
    : m_socket(socket), m_decoder(maxFrameBytes), m_maxPendingWriteBytes(maxPendingWriteBytes)
{
    socket->setParent(this);
}

ConnectionIo::~ConnectionIo() = default;

void ConnectionIo::start()
{
    // A reply and an event come as separate writes from the request thread; with Nagle's
    // algorithm the second waited for the client's delayed acknowledgement (40 ms) whenever
    // the client was waiting for it rather than sending.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QSslSocket::readyRead, this, &ConnectionIo::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &ConnectionIo::disconnected);
    // Data may have arrived with the handshake, or before the socket came to this thread.
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    // A close asked before (a connection shed at once) may still be flushing: it reports
    // its end by the signal above; only one already over is reported here.
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        Q_EMIT disconnected();
}

void ConnectionIo::onReadyRead()
{
    if (m_refused || m_dropped)
        return;
    m_decoder.append(m_socket->readAll());
    QList<common::RequestEnvelope> requests;
    std::optional<common::Error> refused;
    for (;;) {
        auto frame = m_decoder.next();
        if (!frame) {
            refused = frame.error();
            break;
        }
        if (!frame.value())
            break;
        auto request = common::RequestEnvelope::fromCbor(*frame.value());
        if (!request) {
            refused = request.error();
            break;
        }
        requests.append(std::move(request.value()));
    }
    // One signal for everything that arrived together: one wake-up of the request thread.
    if (!requests.isEmpty())
        Q_EMIT requestsReceived(requests);
    if (refused) {
        m_refused = true;
        Q_EMIT inputRefused(*refused);
    }
}

void ConnectionIo::writeFrame(const QByteArray& frame)
{
    if (m_dropped)
        return;
    m_socket->write(frame);
    // A client that stops reading must not make the server buffer its pushes without end.
    // Encrypted bytes wait in the TCP socket below the TLS layer: count both.
    const qint64 unsent = m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
    if (unsent > m_maxPendingWriteBytes) {
        m_dropped = true;
        Q_EMIT dropped(unsent);
        m_socket->abort();
    }
}

void ConnectionIo::writeMessage(const QCborMap& message)
{
    writeFrame(common::Framing::encode(message));
}

void ConnectionIo::writeAndClose(const QByteArray& frame)
{
    m_refused = true; // its requests would not be answered
    writeFrame(frame);
    // disconnectFromHost() flushes what is buffered before closing.
    m_socket->disconnectFromHost();
}

void ConnectionIo::abort()
{
    m_socket->abort();
}

} // namespace ccr::server
