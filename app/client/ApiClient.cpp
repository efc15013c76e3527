#include "ApiClient.h"

#include "ClientLog.h"
#include "TrustStore.h"
#include "common/CertificateFingerprint.h"
#include "common/Envelope.h"
#include "common/Framing.h"
#include "common/Protocol.h"
#include "common/SessionEndReason.h"
#include "common/messages/HelloParams.h"
#include "common/messages/ResumeParams.h"

#include <QSslConfiguration>
#include <QSslSocket>

namespace ccr::app {

using common::Error;
using common::ErrorCode;
namespace Protocol = common::Protocol;

namespace {

// Replies (user lists, later ticket pages) can be far larger than what the server accepts.
constexpr qsizetype kMaxReplyBytes = 64 * 1024 * 1024;
constexpr int kFirstReconnectDelayMs = 250;
constexpr int kMaxReconnectDelayMs = 8000;

} // namespace

ApiClient::ApiClient(TrustStore& trustStore, QObject* parent)
    : QObject(parent), m_trustStore(trustStore), m_decoder(kMaxReplyBytes)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ApiClient::openSocket);
}

ApiClient::~ApiClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void ApiClient::connectToServer(const QString& host, quint16 port)
{
    disconnectFromServer();
    m_host = host;
    m_port = port;
    m_refused = false;
    m_reconnectDelayMs = 0;
    setState(ConnectionState::Connecting);
    openSocket();
}

void ApiClient::disconnectFromServer()
{
    m_reconnectTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_handshake.clear();
    failAll(Error(ErrorCode::NotConnected));
    setState(ConnectionState::Offline);
}

void ApiClient::trustAndReconnect(const QString& fingerprint)
{
    m_trustStore.pin(m_host, m_port, fingerprint);
    qCInfo(lcClient) << "trusted certificate of" << m_host << m_port << fingerprint;
    connectToServer(m_host, m_port);
}

void ApiClient::call(const QString& method, const QCborMap& params, QObject* context, Callback callback)
{
    Q_ASSERT(context);
    const quint64 id = m_nextId++;
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, id] { finish(id, Error(ErrorCode::Timeout)); });
    timer->start(m_callTimeoutMs);
    m_pending.insert(id, PendingCall{context, std::move(callback), timer});

    switch (m_state) {
    case ConnectionState::Connected:
        sendNow(id, method, params);
        break;
    case ConnectionState::Connecting:
    case ConnectionState::Reconnecting:
        m_queue.append({id, method, params});
        break;
    case ConnectionState::Offline:
        // Callbacks always run later, never inside call(), so callers see one behaviour.
        QMetaObject::invokeMethod(
            this, [this, id] { finish(id, Error(ErrorCode::NotConnected)); }, Qt::QueuedConnection);
        break;
    }
}

void ApiClient::openSocket()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_decoder = common::FrameDecoder(kMaxReplyBytes);
    m_socket = new QSslSocket(this);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    m_socket->setSslConfiguration(configuration);
    connect(m_socket, &QSslSocket::encrypted, this, &ApiClient::onEncrypted);
    connect(m_socket, &QSslSocket::sslErrors, this, &ApiClient::onSslErrors);
    connect(m_socket, &QSslSocket::readyRead, this, &ApiClient::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &ApiClient::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        qCDebug(lcClient) << "socket error:" << (m_socket ? m_socket->errorString() : QString());
        if (m_socket && m_socket->state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
    qCDebug(lcClient) << "connecting to" << m_host << m_port;
    m_socket->connectToHostEncrypted(m_host, m_port);
}

void ApiClient::onSslErrors(const QList<QSslError>& errors)
{
    const QString fingerprint = common::certificateFingerprint(m_socket->peerCertificate().toDer());
    const QString pinned = m_trustStore.pinnedFingerprint(m_host, m_port);
    m_lastFingerprint = fingerprint;
    if (!pinned.isEmpty() && pinned == fingerprint) {
        // The user trusted exactly this certificate; its self-signed or name errors are expected.
        m_socket->ignoreSslErrors();
        return;
    }
    // Not ignoring the errors makes the handshake fail; the user decides before anything else.
    m_refused = true;
    for (const auto& error : errors)
        qCInfo(lcClient) << "certificate problem:" << error.errorString();
    if (pinned.isEmpty()) {
        Q_EMIT certificateUntrusted(m_host, m_port, fingerprint);
    } else {
        qCWarning(lcClient) << "certificate of" << m_host << m_port << "changed from" << pinned << "to" << fingerprint;
        Q_EMIT certificateChanged(m_host, m_port, pinned, fingerprint);
    }
}

void ApiClient::onEncrypted()
{
    qCDebug(lcClient) << "TLS up with" << m_host << m_port << m_socket->sessionProtocol();
    sayHello();
}

void ApiClient::sayHello()
{
    const common::HelloParams hello{Protocol::kMajorVersion, Protocol::kMinorVersion,
                                    QStringLiteral("ccr-desk/") + QStringLiteral(CCR_VERSION)};
    sendHandshake(m_nextId++, Protocol::Method::Hello, hello.toCbor(), [this](const common::Result<QCborMap>& reply) {
        if (!reply)
            return refuse(reply.error());
        resumeSession();
    });
}

void ApiClient::resumeSession()
{
    if (m_sessionToken.isEmpty())
        return becomeReady();
    sendHandshake(m_nextId++, Protocol::Method::Resume, common::ResumeParams{m_sessionToken}.toCbor(),
                  [this](const common::Result<QCborMap>& reply) {
                      auto session = reply ? common::SessionInfo::fromCbor(reply.value())
                                           : common::Result<common::SessionInfo>(reply.error());
                      if (session) {
                          Q_EMIT sessionResumed(session.value());
                      } else {
                          qCInfo(lcClient) << "session could not be resumed:" << session.error().message;
                          m_sessionToken.clear();
                          Q_EMIT sessionEnded(session.error());
                      }
                      becomeReady();
                  });
}

void ApiClient::becomeReady()
{
    m_reconnectDelayMs = 0;
    setState(ConnectionState::Connected);
    const auto queue = std::exchange(m_queue, {});
    for (const auto& queued : queue)
        sendNow(queued.id, queued.method, queued.params);
}

void ApiClient::sendNow(quint64 id, const QString& method, const QCborMap& params)
{
    if (m_socket)
        m_socket->write(common::Framing::encode(common::RequestEnvelope{id, method, params}.toCbor()));
}

void ApiClient::sendHandshake(quint64 id, const QString& method, const QCborMap& params,
                              std::function<void(const common::Result<QCborMap>&)> next)
{
    m_handshake.insert(id, std::move(next));
    sendNow(id, method, params);
}

void ApiClient::onReadyRead()
{
    if (!m_socket)
        return;
    m_decoder.append(m_socket->readAll());
    while (m_socket) {
        auto frame = m_decoder.next();
        if (!frame) {
            qCWarning(lcClient) << "undecodable data from server:" << frame.error().message;
            m_socket->abort();
            return;
        }
        if (!frame.value())
            return;
        auto message = common::parseServerMessage(*frame.value());
        if (!message) {
            qCWarning(lcClient) << "malformed message from server:" << message.error().message;
            continue;
        }
        if (const auto* event = std::get_if<common::EventEnvelope>(&message.value())) {
            if (event->event == Protocol::Event::SessionEnded) {
                m_sessionToken.clear();
                const auto reason =
                    common::sessionEndReasonFromName(event->data.value(QLatin1String("reason")).toString());
                Q_EMIT sessionEnded(Error(reason == common::SessionEndReason::AccountDisabled
                                              ? ErrorCode::AccountDisabled
                                              : ErrorCode::SessionExpired));
            }
            Q_EMIT eventReceived(event->event, event->data);
            continue;
        }
        const auto& reply = std::get<common::ReplyEnvelope>(message.value());
        const common::Result<QCborMap> result =
            reply.error ? common::Result<QCborMap>(*reply.error) : common::Result<QCborMap>(reply.result);
        if (auto handshake = m_handshake.take(reply.id))
            handshake(result);
        else if (reply.id == 0 && reply.error)
            qCInfo(lcClient) << "server closes the connection:" << reply.error->message;
        else
            finish(reply.id, result);
    }
}

void ApiClient::onDisconnected()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->deleteLater();
    m_socket = nullptr;
    m_handshake.clear();
    // Requests already sent may or may not have been carried out: their callers must know.
    QList<quint64> inFlight;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        const bool queued = std::any_of(m_queue.cbegin(), m_queue.cend(),
                                        [id = it.key()](const QueuedCall& call) { return call.id == id; });
        if (!queued)
            inFlight.append(it.key());
    }
    for (const quint64 id : inFlight)
        finish(id, Error(ErrorCode::ConnectionLost));

    if (m_refused || m_state == ConnectionState::Offline) {
        failAll(Error(ErrorCode::NotConnected));
        setState(ConnectionState::Offline);
        return;
    }
    scheduleReconnect();
}

void ApiClient::refuse(const Error& error)
{
    qCWarning(lcClient) << "connection refused:" << error.message;
    m_refused = true;
    Q_EMIT connectionFailed(error);
    if (m_socket)
        m_socket->disconnectFromHost();
}

void ApiClient::scheduleReconnect()
{
    m_reconnectDelayMs =
        m_reconnectDelayMs == 0 ? kFirstReconnectDelayMs : std::min(m_reconnectDelayMs * 2, kMaxReconnectDelayMs);
    qCInfo(lcClient) << "connection lost; retrying in" << m_reconnectDelayMs << "ms";
    setState(ConnectionState::Reconnecting);
    m_reconnectTimer.start(m_reconnectDelayMs);
}

void ApiClient::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ApiClient::finish(quint64 id, const common::Result<QCborMap>& result)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    PendingCall call = std::move(it.value());
    m_pending.erase(it);
    m_queue.removeIf([id](const QueuedCall& queued) { return queued.id == id; });
    call.timer->deleteLater();
    if (call.context)
        call.callback(result);
}

void ApiClient::failAll(const Error& error)
{
    const auto ids = m_pending.keys();
    for (const quint64 id : ids)
        finish(id, error);
}

} // namespace ccr::app
