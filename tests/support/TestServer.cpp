#include "TestServer.h"

#include "services/AccountService.h"

#include <QTest>

namespace ccr::tests {

server::ServerConfig TestServer::defaultConfig()
{
    server::ServerConfig config;
    config.address = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    config.accounts.scrypt.log2N = 10;
    config.idleTimeoutSeconds = 30;
    return config;
}

server::ServerConfig TestServer::mailingConfig(quint16 smtpPort)
{
    auto config = defaultConfig();
    config.smtp.host = QStringLiteral("127.0.0.1");
    config.smtp.port = smtpPort;
    config.smtp.security = server::SmtpSettings::Security::None;
    config.relay.pollIntervalMs = 100;
    return config;
}

TestServer::TestServer() : TestServer(defaultConfig()) {}

TestServer::TestServer(const server::ServerConfig& config) : m_config(config)
{
    m_config.dataDir = m_dataDir.path() + QStringLiteral("/data");
}

TestServer::~TestServer()
{
    stop();
}

bool TestServer::start()
{
    m_server.reset();
    m_config.port = m_port;
    m_server = std::make_unique<server::Server>(m_config, &m_clock);
    const auto started = m_server->start();
    if (!started) {
        qWarning() << "test server failed to start:" << started.error().message;
        return false;
    }
    m_port = m_server->port();
    return true;
}

void TestServer::stop()
{
    if (m_server)
        m_server->stop();
}

common::UserInfo TestServer::createUser(const QString& email, common::Role role, const QString& password)
{
    auto user = m_server->accounts().createUserNow(email, email.section(QLatin1Char('@'), 0, 0), password, role);
    if (!user)
        qFatal("cannot create test user %s: %s", qPrintable(email), qPrintable(user.error().message));
    return user.value();
}

} // namespace ccr::tests
