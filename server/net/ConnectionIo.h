#pragma once

#include "common/Envelope.h"
#include "common/Error.h"
#include "common/FrameDecoder.h"

#include <QByteArray>
#include <QCborMap>
#include <QList>
#include <QObject>

class QSslSocket;

namespace ccr::server {

/**
 * One client's socket on the network thread: reads TLS records into frames and requests, and
 * writes frames and messages (encoding them there). Its ClientConnection on the request
 * thread hears of requests, bad input, a client that stopped reading and the end of the
 * connection by queued signals, and asks it to write through queued calls, in order.
 * Deleted by its ClientConnection (deleteLater()), or by the network thread at its end
 * (NetworkThread::adopt()) if the connection still waits for its deletion then.
 */
class ConnectionIo final : public QObject
{
    Q_OBJECT
public:
    /** Takes the socket over (already encrypted); made on the request thread, then moved. */
    ConnectionIo(QSslSocket* socket, qsizetype maxFrameBytes, qint64 maxPendingWriteBytes);
    ~ConnectionIo() override;

    /** On the network thread, once moved there: reads from now on, also what arrived before. */
    void start();
    void writeFrame(const QByteArray& frame);
    void writeMessage(const QCborMap& message);
    /** Writes the frame, then closes once everything is sent. */
    void writeAndClose(const QByteArray& frame);
    void abort();

Q_SIGNALS:
    /** Every request complete in what arrived, in order. */
    void requestsReceived(const QList<ccr::common::RequestEnvelope>& requests);
    /** Bad input (a frame too large or not CBOR, not a request): nothing more is read. */
    void inputRefused(const ccr::common::Error& error);
    /** More than the limit waits to be sent: the client stopped reading, and the socket is dropped. */
    void dropped(qint64 unsentBytes);
    void disconnected();

private:
    void onReadyRead();

    QSslSocket* m_socket;
    common::FrameDecoder m_decoder;
    qint64 m_maxPendingWriteBytes;
    bool m_refused = false; // bad input, or closing: nothing more is read

    bool m_dropped = false;
};

} // namespace ccr::server
