#include "ServerProcess.h"
#include "TestClient.h"
#include "TestServer.h"
#include "common/Protocol.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <grp.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace ccr;
using namespace ccr::tests;
namespace Method = common::Protocol::Method;

namespace {

const QString kAdminPassword = QStringLiteral("bootstrap admin pw");

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

    void fullDiskAtStartIsExplained()
    {
        QTemporaryDir dir;
        // A 16 KiB file size limit makes every larger write fail, as a full disk does.
        ServerProcess server(runArguments(dir.filePath(QStringLiteral("data"))), QStringLiteral(CCR_SERVER_BINARY), [] {
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{16 * 1024, 16 * 1024};
            setrlimit(RLIMIT_FSIZE, &limit);
        });
        QCOMPARE(server.waitExit(), 1);
        QVERIFY2(server.output().contains(QStringLiteral("Cannot write to the database")), qPrintable(server.output()));
        QVERIFY2(server.output().contains(QStringLiteral("Is the disk full")), qPrintable(server.output()));
        QVERIFY2(server.output().contains(dir.filePath(QStringLiteral("data"))), qPrintable(server.output()));
    }

    void readOnlyDataDirectoryIsExplainedAtStart()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(data));
        const auto readAndEnter = QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                  QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
        QVERIFY(QFile::setPermissions(dir.path(), readAndEnter | QFileDevice::WriteOwner));
        QVERIFY(QFile::setPermissions(data, readAndEnter));
        // Permissions do not bind root: then the server runs as nobody, as a service account would.
        const bool asRoot = geteuid() == 0;
        ServerProcess server(runArguments(data), QStringLiteral(CCR_SERVER_BINARY), [asRoot] {
            if (asRoot && (setgroups(0, nullptr) != 0 || setgid(65534) != 0 || setuid(65534) != 0))
                _exit(99);
        });
        QCOMPARE(server.waitExit(), 1);
        QVERIFY2(server.output().contains(QStringLiteral("not writable")), qPrintable(server.output()));
        QVERIFY2(server.output().contains(data), qPrintable(server.output()));
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
