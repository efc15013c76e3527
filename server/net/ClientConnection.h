#pragma once

#include "ConnectionAuth.h"
#include "common/Envelope.h"
#include "common/SessionEndReason.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <optional>

class QSslSocket;

namespace ccr::server {

class ConnectionIo;
class GroupCommit;
class NetworkThread;

/**
 * One client's TLS connection on the request thread: hands its requests on, sends replies
 * and events, and remembers whether hello was exchanged and who is signed in. The socket
 * itself, with the decoding and encoding, lives on the network thread (ConnectionIo). A
 * connection that is not signed in and stays silent for the idle timeout is closed.
 */
class ClientConnection final : public QObject
{
    Q_OBJECT
public:
    /** Moves the encrypted socket to networkThread (nullptr: it stays on this thread). */
    ClientConnection(QSslSocket* socket, NetworkThread* networkThread, qsizetype maxFrameBytes, int idleTimeoutMs,
                     qint64 maxPendingWriteBytes, QObject* parent = nullptr);
    ~ClientConnection() override;

    quint64 id() const { return m_id; }
    QString peerAddress() const { return m_peerAddress; }

    bool helloDone() const { return m_helloDone; }
    void setHelloDone() { m_helloDone = true; }

    const std::optional<ConnectionAuth>& auth() const { return m_auth; }
    bool isClosing() const { return m_closing; }
    /** How long since the client last sent a request (or connected). */
    qint64 silentForMs() const { return m_lastHeard.elapsed(); }
    void setAuth(const ConnectionAuth& auth);
    void clearAuth();
    /** Signs the connection out and tells the client why with a session.ended event. */
    void endSession(common::SessionEndReason reason);

    void sendReply(quint64 requestId, const QCborMap& result);
    void sendError(quint64 requestId, const common::Error& error);
    void sendEvent(const QString& event, const QCborMap& data);
    /** An event as the frame sendFrame() takes: encoded once, sent to many connections. */
    static QByteArray eventFrame(const QString& event, const QCborMap& data);
    void sendFrame(const QByteArray& frame);

    /**
     * Holds every reply and event back while the shared transaction is open and sends them
     * once it committed, so nothing is acknowledged before it is on disk. If that commit
     * fails, the connection is dropped instead: its requests stay unanswered, never falsely done.
     */
    void holdWritesUntilCommit(GroupCommit* commits) { m_commits = commits; }

    /** Replies with the error (request id 0), then closes once the reply is written. */
    void closeWithError(const common::Error& error);

Q_SIGNALS:
    void requestReceived(ccr::server::ClientConnection* connection, const ccr::common::RequestEnvelope& request);
    void closed(ccr::server::ClientConnection* connection);

private:
    void onRequests(const QList<common::RequestEnvelope>& requests);
    void onDropped(qint64 unsentBytes);
    void onIdleTimeout();
    void write(const QCborMap& message);
    /** Runs action now, or once the shared transaction committed if one is open. */
    void whenCommitted(std::function<void()> action);
    /** Runs action on the network thread with the socket's side, after what was asked before. */
    void onSocket(std::function<void(ConnectionIo&)> action);

    // Deleted by this connection, or by the network thread as it ends (after which this
    // connection only deletes itself, so the guard is never read while the thread runs it down).
    QPointer<ConnectionIo> m_io;
    GroupCommit* m_commits = nullptr;
    QTimer m_idleTimer;
    QElapsedTimer m_lastHeard;
    QString m_peerAddress;
    quint64 m_id;
    bool m_helloDone = false;
    bool m_closing = false;
    std::optional<ConnectionAuth> m_auth;
};

} // namespace ccr::server
