#include "TestClient.h"

#include "common/Protocol.h"
#include "common/messages/SignInParams.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTest>
#include <QTimer>

namespace ccr::tests {

TestClient::TestClient(quint16 port, const QString& trustedFingerprint)
    : m_trust(std::make_unique<app::SettingsTrustStore>(m_dir.filePath(QStringLiteral("trust.ini")))),
      m_client(std::make_unique<app::ApiClient>(*m_trust))
{
    if (!trustedFingerprint.isEmpty())
        m_trust->pin(QStringLiteral("127.0.0.1"), port, trustedFingerprint);
    QObject::connect(m_client.get(), &app::ApiClient::eventReceived, &m_context,
                     [this](const QString& event, const QCborMap& data) { m_events.append({event, data}); });
    m_client->connectToServer(QStringLiteral("127.0.0.1"), port);
}

bool TestClient::waitConnected(int timeoutMs)
{
    return waitForState(app::ConnectionState::Connected, timeoutMs);
}

bool TestClient::waitForState(app::ConnectionState state, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_client->state() == state; }, timeoutMs);
}

common::Result<QCborMap> TestClient::call(const QString& method, const QCborMap& params, int timeoutMs)
{
    // A local event loop rather than QTest::qWaitFor, which sleeps 10 ms between polls.
    std::optional<common::Result<QCborMap>> outcome;
    QEventLoop loop;
    m_client->call(method, params, &m_context, [&outcome, &loop](const common::Result<QCborMap>& result) {
        outcome = result;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!outcome)
        loop.exec();
    if (!outcome)
        return common::Error(common::ErrorCode::Timeout, QStringLiteral("test call %1 timed out").arg(method));
    return *outcome;
}

common::Result<common::SessionInfo> TestClient::signIn(const QString& email, const QString& password)
{
    auto reply = call(common::Protocol::Method::SignIn, common::SignInParams{email, password}.toCbor());
    if (!reply)
        return reply.error();
    auto session = common::SessionInfo::fromCbor(reply.value());
    if (session)
        m_client->setSessionToken(session->token);
    return session;
}

std::optional<QCborMap> TestClient::waitForEvent(const QString& name, int timeoutMs)
{
    std::optional<QCborMap> found;
    [[maybe_unused]] const bool arrived = QTest::qWaitFor(
        [&] {
            for (const auto& event : std::as_const(m_events)) {
                if (event.event == name) {
                    found = event.data;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

} // namespace ccr::tests

namespace ccr::tests {

bool TestClient::sync()
{
    return call(common::Protocol::Method::Hello,
                {{QLatin1String("major"), common::Protocol::kMajorVersion},
                 {QLatin1String("minor"), common::Protocol::kMinorVersion}})
        .ok();
}

QList<QCborMap> TestClient::eventsNamed(const QString& name) const
{
    QList<QCborMap> found;
    for (const auto& event : m_events) {
        if (event.event == name)
            found.append(event.data);
    }
    return found;
}

} // namespace ccr::tests
