#pragma once

#include "ManualClock.h"
#include "Server.h"
#include "common/messages/UserInfo.h"

#include <QTemporaryDir>
#include <memory>

namespace ccr::tests {

/**
 * The real server core, in-process, on 127.0.0.1 with a free port and a temporary data
 * directory, with a manual clock and a cheap scrypt cost so tests stay fast.
 */
class TestServer final
{
public:
    TestServer();
    explicit TestServer(const server::ServerConfig& config);
    ~TestServer();

    /** Starts (or restarts on the same port and data directory); fails the test on error. */
    bool start();
    void stop();

    server::Server& server() { return *m_server; }
    server::ServerConfig& config() { return m_config; }
    ManualClock& clock() { return m_clock; }
    quint16 port() const { return m_port; }
    QString fingerprint() const { return m_server->identity().fingerprint(); }
    QString dataDir() const { return m_dataDir.path(); }

    /** An active account made directly through the service. */
    common::UserInfo createUser(const QString& email, common::Role role, const QString& password = kPassword);

    static server::ServerConfig defaultConfig();
    /** defaultConfig() sending mail to a test SMTP sink on that port (no TLS, quick polling). */
    static server::ServerConfig mailingConfig(quint16 smtpPort);
    static inline const QString kPassword = QStringLiteral("correct horse battery");

private:
    QTemporaryDir m_dataDir;
    server::ServerConfig m_config;
    ManualClock m_clock;
    std::unique_ptr<server::Server> m_server;
    quint16 m_port = 0;
};

} // namespace ccr::tests
