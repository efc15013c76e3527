#include "TestClient.h"
#include "TestServer.h"
#include "common/Protocol.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace ccr;
using namespace ccr::tests;
namespace Method = common::Protocol::Method;

namespace {

const QString kServerBinary = QStringLiteral(CCR_SERVER_BINARY);
const QString kAdminPassword = QStringLiteral("bootstrap admin pw");

/** The real ccr-server executable, started by the test and stopped by its PID. */
class ServerProcess
{
public:
    explicit ServerProcess(const QStringList& arguments)
    {
        m_process.setProgram(kServerBinary);
        m_process.setArguments(arguments);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start();
    }
    ~ServerProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    /** Reads output until the pattern matches; the match, or an invalid one on time-out or exit. */
    QRegularExpressionMatch waitForOutput(const QRegularExpression& pattern)
    {
        QDeadlineTimer deadline(15000);
        while (true) {
            m_output += QString::fromUtf8(m_process.readAll());
            auto match = pattern.match(m_output);
            if (match.hasMatch() || deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
                return match;
            m_process.waitForReadyRead(100);
        }
    }

    /** Reads output until the listening and fingerprint lines; returns the port, 0 on failure. */
    quint16 waitListening()
    {
        static const QRegularExpression fingerprint(QStringLiteral("fingerprint: ([0-9A-F:]{95})"));
        static const QRegularExpression listening(QStringLiteral("listening on \\S+ port (\\d+)"));
        const auto print = waitForOutput(fingerprint);
        if (!print.hasMatch())
            return 0;
        m_fingerprint = print.captured(1);
        return static_cast<quint16>(listening.match(m_output).captured(1).toUInt());
    }

    /** SIGTERM by PID, then the exit code (-1 if it did not stop). */
    int terminate()
    {
        ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(10000))
            return -1;
        m_output += QString::fromUtf8(m_process.readAll());
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    int waitExit()
    {
        if (!m_process.waitForFinished(15000))
            return -1;
        m_output += QString::fromUtf8(m_process.readAll());
        return m_process.exitCode();
    }

    QProcess& process() { return m_process; }
    QString output() const { return m_output; }
    QString fingerprint() const { return m_fingerprint; }

private:
    QProcess m_process;
    QString m_output;
    QString m_fingerprint;
};

/** Runs --create-admin with the password on standard input, as a script would. */
int createAdmin(const QString& dataDir, const QString& email, const QString& password, QString* output)
{
    ServerProcess process({QStringLiteral("--data-dir"), dataDir, QStringLiteral("--create-admin"), email});
    process.process().write(password.toUtf8() + '\n');
    process.process().closeWriteChannel();
    const int code = process.waitExit();
    *output = process.output();
    return code;
}

QStringList runArguments(const QString& dataDir)
{
    return {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--address"), QStringLiteral("127.0.0.1")};
}

} // namespace

class TestServerProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpExplainsTheOptions()
    {
        ServerProcess process({QStringLiteral("--help")});
        QCOMPARE(process.waitExit(), 0);
        QVERIFY(process.output().contains(QStringLiteral("--create-admin")));
        QVERIFY(process.output().contains(QStringLiteral("--data-dir")));
    }

    void badOptionsExitWithAReason()
    {
        ServerProcess process({QStringLiteral("--port"), QStringLiteral("banana")});
        QCOMPARE(process.waitExit(), 2);
        QVERIFY(process.output().contains(QStringLiteral("banana")));
    }

    void bootstrapAdminThenServeAndStopCleanly()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        QString output;
        QCOMPARE(createAdmin(dataDir, QStringLiteral("root@example.com"), kAdminPassword, &output), 0);
        QVERIFY2(output.contains(QStringLiteral("Created admin account root@example.com")), qPrintable(output));
        QVERIFY(!output.contains(kAdminPassword));

        QCOMPARE(createAdmin(dataDir, QStringLiteral("root@example.com"), kAdminPassword, &output), 1);
        QVERIFY2(output.contains(QStringLiteral("already exists")), qPrintable(output));
        QCOMPARE(createAdmin(dataDir, QStringLiteral("weak@example.com"), QStringLiteral("short"), &output), 1);
        QVERIFY2(output.contains(QStringLiteral("password")), qPrintable(output));

        for (int run = 0; run < 2; ++run) { // the second run proves a restart keeps the account
            ServerProcess server(runArguments(dataDir));
            const quint16 port = server.waitListening();
            QVERIFY2(port != 0, qPrintable(server.output()));
            TestClient client(port, server.fingerprint());
            QVERIFY(client.waitConnected());
            const auto session = client.signIn(QStringLiteral("root@example.com"), kAdminPassword);
            QVERIFY2(session.ok(), qPrintable(session.error().message));
            QCOMPARE(session->user.role, common::Role::Admin);
            QVERIFY(client.call(Method::ListUsers).ok());

            QCOMPARE(server.terminate(), 0);
            QVERIFY(server.output().contains(QStringLiteral("stopped")));
            QVERIFY(client.waitForState(app::ConnectionState::Reconnecting));
        }
    }

    void certificateSurvivesRestart()
    {
        QTemporaryDir dir;
        QString first;
        {
            ServerProcess server(runArguments(dir.path()));
            QVERIFY(server.waitListening() != 0);
            QVERIFY(server.output().contains(QStringLiteral("Generated a self-signed certificate")));
            first = server.fingerprint();
            QCOMPARE(server.terminate(), 0);
        }
        ServerProcess server(runArguments(dir.path()));
        QVERIFY(server.waitListening() != 0);
        QCOMPARE(server.fingerprint(), first);
        QVERIFY(!server.output().contains(QStringLiteral("Generated")));
        QCOMPARE(server.terminate(), 0);
    }

    void demoModePrintsWorkingSignInDetails()
    {
        QTemporaryDir dir;
        ServerProcess server(runArguments(dir.path()) << QStringLiteral("--demo"));
        const quint16 port = server.waitListening();
        QVERIFY(port != 0);
        const auto match = server.waitForOutput(QRegularExpression(QStringLiteral("password for all: (\\S+)\\)")));
        QVERIFY2(match.hasMatch(), qPrintable(server.output()));
        const QString password = match.captured(1);
        TestClient client(port, server.fingerprint());
        QVERIFY(client.waitConnected());
        QVERIFY(client.signIn(QStringLiteral("admin@ccr-demo.example"), password).ok());
        QCOMPARE(server.terminate(), 0);
    }

    void newerDatabaseIsRefusedAtStart()
    {
        QTemporaryDir dir;
        {
            ServerProcess server(runArguments(dir.path()));
            QVERIFY(server.waitListening() != 0);
            QCOMPARE(server.terminate(), 0);
        }
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("poke"));
            db.setDatabaseName(dir.filePath(QStringLiteral("ccr.sqlite3")));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("UPDATE meta SET value = '42' WHERE key = 'schema_version'")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("poke"));
        ServerProcess server(runArguments(dir.path()));
        QCOMPARE(server.waitExit(), 1);
        QVERIFY2(server.output().contains(QStringLiteral("newer than this server")), qPrintable(server.output()));
    }

    void busyPortIsExplained()
    {
        TestServer occupant;
        QVERIFY(occupant.start());
        QTemporaryDir dir;
        ServerProcess server({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--port"),
                              QString::number(occupant.port())});
        QCOMPARE(server.waitExit(), 1);
        QVERIFY2(server.output().contains(QStringLiteral("Cannot listen")), qPrintable(server.output()));
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "TestServerProcess.moc"
