#include "config/ServerInvocation.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ccr::server;
using Mode = ServerInvocation::Mode;

namespace {

QString writeIni(const QTemporaryDir& dir, const QByteArray& text)
{
    const QString path = dir.filePath(QStringLiteral("ccr.ini"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write test ini");
    return path;
}

QStringList args(std::initializer_list<const char*> list)
{
    QStringList result{QStringLiteral("ccr-server")};
    for (const char* arg : list)
        result << QString::fromUtf8(arg);
    return result;
}

} // namespace

class TestServerInvocation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        auto invocation = ServerInvocation::parse(args({}));
        QVERIFY(invocation.ok());
        QCOMPARE(invocation->mode, Mode::Run);
        QCOMPARE(invocation->config.port, 7443);
        QCOMPARE(invocation->config.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(invocation->config.accounts.scrypt.log2N, 15);
        QVERIFY(!invocation->config.dataDir.isEmpty());
    }

    void commandLineOptions()
    {
        auto invocation = ServerInvocation::parse(
            args({"--data-dir", "/tmp/x", "--address", "0.0.0.0", "--port", "0", "--log-level", "debug", "--demo"}));
        QVERIFY2(invocation.ok(), qPrintable(invocation.error().message));
        QCOMPARE(invocation->config.dataDir, QStringLiteral("/tmp/x"));
        QCOMPARE(invocation->config.address, QHostAddress(QStringLiteral("0.0.0.0")));
        QCOMPARE(invocation->config.port, 0);
        QCOMPARE(invocation->config.logLevel, QStringLiteral("debug"));
        QVERIFY(invocation->config.demo);
    }

    void iniFileWithCommandLineWinning()
    {
        QTemporaryDir dir;
        const QString ini = writeIni(dir, "[server]\ndata_dir=data\nport=9000\naddress=::1\ndurability=full\n"
                                          "idle_timeout_seconds=5\nmax_frame_kib=64\n"
                                          "[accounts]\nsession_ttl_hours=2\nscrypt_log2n=12\n"
                                          "max_failed_sign_ins_per_account=3\nfailed_sign_in_window_minutes=1\n");
        auto invocation = ServerInvocation::parse(args({"--config", qPrintable(ini), "--port", "9100"}));
        QVERIFY2(invocation.ok(), qPrintable(invocation.error().message));
        const ServerConfig& config = invocation->config;
        QCOMPARE(config.dataDir, dir.filePath(QStringLiteral("data"))); // relative to the file
        QCOMPARE(config.port, 9100);
        QCOMPARE(config.address, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(config.durability, Durability::Full);
        QCOMPARE(config.idleTimeoutSeconds, 5);
        QCOMPARE(config.maxFrameBytes, 64 * 1024);
        QCOMPARE(config.accounts.sessionTtlSeconds, 7200);
        QCOMPARE(config.accounts.scrypt.log2N, 12);
        QCOMPARE(config.accounts.throttle.maxFailuresPerAccount, 3);
        QCOMPARE(config.accounts.throttle.windowSeconds, 60);
    }

    void badValuesAreExplained_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("port") << args({"--port", "70000"}) << QStringLiteral("Port");
        QTest::newRow("address") << args({"--address", "nowhere"}) << QStringLiteral("nowhere");
        QTest::newRow("log level") << args({"--log-level", "loud"}) << QStringLiteral("loud");
        QTest::newRow("unknown option") << args({"--frobnicate"}) << QStringLiteral("frobnicate");
        QTest::newRow("missing config") << args({"--config", "/nonexistent.ini"}) << QStringLiteral("nonexistent");
        QTest::newRow("stray argument") << args({"serve"}) << QStringLiteral("serve");
    }
    void badValuesAreExplained()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        auto invocation = ServerInvocation::parse(arguments);
        QVERIFY(!invocation.ok());
        QVERIFY2(invocation.error().message.contains(mentions), qPrintable(invocation.error().message));
    }

    void badIniValuesAreExplained()
    {
        QTemporaryDir dir;
        const QString ini = writeIni(dir, "[accounts]\nscrypt_log2n=40\n");
        auto invocation = ServerInvocation::parse(args({"--config", qPrintable(ini)}));
        QVERIFY(!invocation.ok());
        QVERIFY(invocation.error().message.contains(QStringLiteral("scrypt_log2n")));
    }

    void helpListsEveryOption()
    {
        auto invocation = ServerInvocation::parse(args({"--help"}));
        QVERIFY(invocation.ok());
        QCOMPARE(invocation->mode, Mode::ShowHelp);
        for (const auto& option : {"--config", "--data-dir", "--address", "--port", "--cert", "--key", "--log-level",
                                   "--create-admin", "--demo"})
            QVERIFY2(invocation->helpText.contains(QString::fromLatin1(option)), option);
    }

    void createAdminMode()
    {
        auto invocation = ServerInvocation::parse(args({"--create-admin", "boss@example.com"}));
        QVERIFY(invocation.ok());
        QCOMPARE(invocation->mode, Mode::CreateAdmin);
        QCOMPARE(invocation->adminEmail, QStringLiteral("boss@example.com"));
        QCOMPARE(invocation->adminName, QStringLiteral("boss"));
    }
};

QTEST_GUILESS_MAIN(TestServerInvocation)
#include "TestServerInvocation.moc"
