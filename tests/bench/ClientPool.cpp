#include "ClientPool.h"

#include "LatencyStats.h"
#include "common/Protocol.h"
#include "common/messages/SessionInfo.h"
#include "common/messages/SignInParams.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace ccr::bench {

ClientPool::ClientPool(quint16 port, const QString& fingerprint) : m_port(port), m_trust(fingerprint) {}

ClientPool::~ClientPool()
{
    closeAll();
}

QList<app::ApiClient*> ClientPool::open(int count, const QString& sessionToken)
{
    QList<app::ApiClient*> opened;
    for (int i = 0; i < count; ++i) {
        m_clients.push_back(std::make_unique<app::ApiClient>(m_trust));
        m_clients.back()->setCallTimeoutMs(120000);
        // With a token the client resumes right after hello, as the desktop app does.
        if (!sessionToken.isEmpty())
            m_clients.back()->setSessionToken(sessionToken);
        m_clients.back()->connectToServer(QStringLiteral("127.0.0.1"), m_port);
        opened.append(m_clients.back().get());
    }
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 120000) {
        const bool allReady = std::all_of(opened.cbegin(), opened.cend(), [](const app::ApiClient* client) {
            return client->state() == app::ConnectionState::Connected;
        });
        if (allReady)
            break;
        QEventLoop pause;
        QTimer::singleShot(20, &pause, &QEventLoop::quit);
        pause.exec();
    }
    return opened;
}

void ClientPool::closeAll()
{
    for (auto& client : m_clients)
        client->disconnectFromServer();
    m_clients.clear();
    QCoreApplication::processEvents();
}

common::Result<QCborMap> ClientPool::callAndWait(app::ApiClient& client, const QString& method,
                                                 const QCborMap& params, int timeoutMs)
{
    std::optional<common::Result<QCborMap>> outcome;
    QEventLoop loop;
    client.call(method, params, &loop, [&](const common::Result<QCborMap>& result) {
        outcome = result;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!outcome)
        loop.exec();
    if (!outcome)
        return common::Error(common::ErrorCode::Timeout);
    return *outcome;
}

common::Result<QString> ClientPool::signIn(app::ApiClient& client, const QString& email, const QString& password)
{
    auto reply = callAndWait(client, common::Protocol::Method::SignIn, common::SignInParams{email, password}.toCbor());
    if (!reply)
        return reply.error();
    auto session = common::SessionInfo::fromCbor(reply.value());
    if (!session)
        return session.error();
    client.setSessionToken(session->token);
    return session->token;
}

LatencyStats ClientPool::run(const QList<app::ApiClient*>& clients, double seconds,
                             const std::function<Request(int client, qint64 iteration)>& next)
{
    LatencyStats stats;
    QElapsedTimer clock;
    clock.start();
    const qint64 endNs = static_cast<qint64>(seconds * 1e9);
    int inFlight = 0;
    qint64 errors = 0;
    QObject context;
    // A real event loop sleeps until a reply arrives; processEvents(flags, ms) would spin and
    // take the CPU the server needs on a small machine.
    QEventLoop loop;
    std::function<void(int, qint64)> send = [&](int index, qint64 iteration) {
        const Request request = next(index, iteration);
        const qint64 sentAt = clock.nsecsElapsed();
        ++inFlight;
        clients.at(index)->call(request.method, request.params, &context,
                                [&, index, iteration, sentAt](const common::Result<QCborMap>& reply) {
                                    --inFlight;
                                    const qint64 now = clock.nsecsElapsed();
                                    if (reply)
                                        stats.add(now - sentAt);
                                    else
                                        ++errors;
                                    if (now < endNs)
                                        send(index, iteration + 1);
                                    else if (inFlight == 0)
                                        loop.quit();
                                });
    };
    for (int i = 0; i < clients.size(); ++i)
        send(i, 0);
    if (inFlight > 0)
        loop.exec();
    stats.setElapsedSeconds(static_cast<double>(clock.nsecsElapsed()) / 1e9);
    if (errors > 0)
        qWarning() << errors << "requests failed during the run";
    return stats;
}

} // namespace ccr::bench
