#pragma once

#include "ConnectionState.h"
#include "common/FrameDecoder.h"
#include "common/Result.h"
#include "common/messages/SessionInfo.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>
#include <functional>

class QSslSocket;

namespace ccr::app {

class TrustStore;

/**
 * The asynchronous protocol client every window and integration test uses. It connects
 * over TLS, pins the server certificate on first use, says hello, resumes the session
 * after a reconnect, and delivers replies to callbacks and pushes as eventReceived().
 * Calls made while (re)connecting wait and go out once the connection is ready.
 */
class ApiClient final : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const common::Result<QCborMap>&)>;

    explicit ApiClient(TrustStore& trustStore, QObject* parent = nullptr);
    ~ApiClient() override;

    void connectToServer(const QString& host, quint16 port);
    void disconnectFromServer();
    /** Pins the fingerprint the user accepted and connects again. */
    void trustAndReconnect(const QString& fingerprint);

    ConnectionState state() const { return m_state; }
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }

    /**
     * Sends a request; the callback runs once with the result or a typed error, unless the
     * context object is destroyed first. Times out after callTimeoutMs.
     */
    void call(const QString& method, const QCborMap& params, QObject* context, Callback callback);

    /** The session to resume on every (re)connect; empty for none. */
    void setSessionToken(const QString& token) { m_sessionToken = token; }
    QString sessionToken() const { return m_sessionToken; }

    void setCallTimeoutMs(int ms) { m_callTimeoutMs = ms; }
    static constexpr int kDefaultCallTimeoutMs = 30000;

Q_SIGNALS:
    void stateChanged(ccr::app::ConnectionState state);
    /** First contact with a server whose certificate no CA vouches for: ask the user. */
    void certificateUntrusted(const QString& host, quint16 port, const QString& fingerprint);
    /** The pinned certificate changed: possibly an attack. The connection was refused. */
    void certificateChanged(const QString& host, quint16 port, const QString& expected, const QString& actual);
    /** A problem that stopped connecting (version mismatch, TLS failure, ...). */
    void connectionFailed(const ccr::common::Error& error);
    void sessionResumed(const ccr::common::SessionInfo& session);
    /** The session is gone (expired, revoked, signed out elsewhere); sign in again. */
    void sessionEnded(const ccr::common::Error& reason);
    void eventReceived(const QString& event, const QCborMap& data);

private:
    struct PendingCall
    {
        QPointer<QObject> context;
        Callback callback;
        QTimer* timer = nullptr;
    };
    struct QueuedCall
    {
        quint64 id;
        QString method;
        QCborMap params;
    };

    void openSocket();
    void onEncrypted();
    void onSslErrors(const QList<QSslError>& errors);
    void onDisconnected();
    void onReadyRead();
    void refuse(const common::Error& error);
    void scheduleReconnect();
    void setState(ConnectionState state);
    void sendNow(quint64 id, const QString& method, const QCborMap& params);
    void sendHandshake(quint64 id, const QString& method, const QCborMap& params,
                       std::function<void(const common::Result<QCborMap>&)> next);
    void sayHello();
    void resumeSession();
    void becomeReady();
    void finish(quint64 id, const common::Result<QCborMap>& result);
    void failAll(const common::Error& error);

    TrustStore& m_trustStore;
    QSslSocket* m_socket = nullptr;
    common::FrameDecoder m_decoder;
    QString m_host;
    quint16 m_port = 0;
    ConnectionState m_state = ConnectionState::Offline;
    QString m_sessionToken;
    QString m_lastFingerprint;
    quint64 m_nextId = 1;
    QHash<quint64, PendingCall> m_pending;
    QHash<quint64, std::function<void(const common::Result<QCborMap>&)>> m_handshake;
    QList<QueuedCall> m_queue;
    QTimer m_reconnectTimer;
    int m_reconnectDelayMs = 0;
    int m_callTimeoutMs = kDefaultCallTimeoutMs;
    bool m_refused = false;
};

} // namespace ccr::app
