#include "client/SessionKeeper.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <optional>

using namespace ccr;
using app::SessionKeeper;

namespace {

constexpr int kWaitMs = 20000;
const QString kHost = QStringLiteral("desk.example.com");
constexpr quint16 kPort = 7443;
const QString kMeera = QStringLiteral("meera@example.com");

QString freshToken()
{
    return QStringLiteral("token-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/** Blocking wrappers: each waits in the event loop for the keeper's answer. */
struct Keeper
{
    explicit Keeper(const QString& iniFile) : keeper(iniFile) {}

    common::Result<void> save(const QString& host, quint16 port, const QString& email, const QString& token)
    {
        std::optional<common::Result<void>> result;
        keeper.save(host, port, email, token, &keeper, [&](const common::Result<void>& r) { result = r; });
        return waitFor(result);
    }

    common::Result<QString> load(const QString& host, quint16 port, const QString& email)
    {
        std::optional<common::Result<QString>> result;
        keeper.load(host, port, email, &keeper, [&](const common::Result<QString>& r) { result = r; });
        return waitFor(result);
    }

    common::Result<void> probe()
    {
        std::optional<common::Result<void>> result;
        keeper.probe(&keeper, [&](const common::Result<void>& r) { result = r; });
        return waitFor(result);
    }

    common::Result<void> forget(const QString& host, quint16 port, const QString& email)
    {
        std::optional<common::Result<void>> result;
        keeper.forget(host, port, email, &keeper, [&](const common::Result<void>& r) { result = r; });
        return waitFor(result);
    }

    template <typename T> static T waitFor(std::optional<T>& result)
    {
        QElapsedTimer clock;
        clock.start();
        while (!result && clock.elapsed() < kWaitMs)
            QTest::qWait(10);
        if (!result)
            return common::Error(common::ErrorCode::Timeout, QStringLiteral("no answer from SessionKeeper"));
        return *result;
    }

    SessionKeeper keeper;
};

bool inKeyringSession()
{
    return qEnvironmentVariableIsSet("CCR_KEYRING_TEST");
}

} // namespace

/**
 * Against a real gnome-keyring: run through tests/support/with-keyring.sh, which sets
 * CCR_KEYRING_TEST. The no-keychain case runs as its own CTest entry with an unreachable
 * session bus and CCR_NO_KEYCHAIN_TEST set.
 */
class TestSessionKeeper final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString iniFile() const { return m_dir.filePath(QStringLiteral("keeper.ini")); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CustomerCareRegistryTests"));
        QCoreApplication::setApplicationName(QStringLiteral("TestSessionKeeper"));
        QVERIFY(m_dir.isValid());
    }

    void init() { QFile::remove(iniFile()); }

    void keyNamesServerAndAccount()
    {
        QCOMPARE(SessionKeeper::serviceName(), QStringLiteral("Customer Care Registry"));
        QCOMPARE(SessionKeeper::keyFor(QStringLiteral("Desk.Example.COM"), 7443, QStringLiteral(" Meera@Example.com ")),
                 QStringLiteral("ccr-desk/desk.example.com:7443/meera@example.com"));
        QCOMPARE(SessionKeeper::keyFor(QStringLiteral("::1"), 7443, kMeera),
                 QStringLiteral("ccr-desk/[::1]:7443/meera@example.com"));
    }

    void tokenSurvivesANewKeeper()
    {
        if (!inKeyringSession())
            QSKIP("needs a keyring: run through tests/support/with-keyring.sh");
        const QString token = freshToken();
        {
            Keeper first(iniFile());
            QCOMPARE(first.keeper.availability(), SessionKeeper::Availability::Unknown);
            QVERIFY(first.probe().ok());
            QCOMPARE(first.keeper.availability(), SessionKeeper::Availability::Available);
            const auto saved =
                first.save(QStringLiteral("Desk.Example.com"), kPort, QStringLiteral("Meera@Example.com"), token);
            QVERIFY2(saved.ok(), qPrintable(saved.error().message));
            QCOMPARE(first.keeper.availability(), SessionKeeper::Availability::Available);
        }
        Keeper second(iniFile());
        QCOMPARE(second.keeper.lastKeptAccount(kHost, kPort), kMeera);
        const auto loaded = second.load(kHost, kPort, kMeera);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().message));
        QCOMPARE(loaded.value(), token);

        // Never in a plain file: not in the settings, not anywhere under the (temporary) home,
        // where gnome-keyring keeps its encrypted keyring.
        const QByteArray needle = token.toUtf8();
        QDirIterator files(QDir::homePath(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        int scanned = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++scanned;
            QVERIFY2(!file.readAll().contains(needle), qPrintable(file.fileName()));
        }
        QVERIFY(scanned > 0);
        QFile ini(iniFile());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains(needle));
    }

    void otherAccountsAndServersGetNothing()
    {
        if (!inKeyringSession())
            QSKIP("needs a keyring: run through tests/support/with-keyring.sh");
        Keeper keeper(iniFile());
        QVERIFY(keeper.save(kHost, kPort, kMeera, freshToken()).ok());
        const auto otherAccount = keeper.load(kHost, kPort, QStringLiteral("arun@example.com"));
        QVERIFY(otherAccount.ok());
        QVERIFY(otherAccount.value().isEmpty());
        const auto otherPort = keeper.load(kHost, kPort + 1, kMeera);
        QVERIFY(otherPort.ok());
        QVERIFY(otherPort.value().isEmpty());
        const auto otherHost = keeper.load(QStringLiteral("other.example.com"), kPort, kMeera);
        QVERIFY(otherHost.ok());
        QVERIFY(otherHost.value().isEmpty());
        QVERIFY(keeper.keeper.lastKeptAccount(QStringLiteral("other.example.com"), kPort).isEmpty());
    }

    void forgetRemovesTheToken()
    {
        if (!inKeyringSession())
            QSKIP("needs a keyring: run through tests/support/with-keyring.sh");
        Keeper keeper(iniFile());
        QVERIFY(keeper.save(kHost, kPort, kMeera, freshToken()).ok());
        const auto forgotten = keeper.forget(kHost, kPort, kMeera);
        QVERIFY2(forgotten.ok(), qPrintable(forgotten.error().message));
        QVERIFY(keeper.keeper.lastKeptAccount(kHost, kPort).isEmpty());
        const auto loaded = Keeper(iniFile()).load(kHost, kPort, kMeera);
        QVERIFY(loaded.ok());
        QVERIFY(loaded.value().isEmpty());
        // Forgetting what is not there is no error: sign-out may run twice.
        QVERIFY(keeper.forget(kHost, kPort, kMeera).ok());
    }

    void lastKeptAccountFollowsTheLatestSave()
    {
        if (!inKeyringSession())
            QSKIP("needs a keyring: run through tests/support/with-keyring.sh");
        Keeper keeper(iniFile());
        const QString arun = QStringLiteral("arun@example.com");
        QVERIFY(keeper.save(kHost, kPort, kMeera, freshToken()).ok());
        QVERIFY(keeper.save(kHost, kPort, arun, freshToken()).ok());
        QVERIFY(keeper.save(QStringLiteral("other.example.com"), kPort, kMeera, freshToken()).ok());
        QCOMPARE(keeper.keeper.lastKeptAccount(kHost, kPort), arun);
        QCOMPARE(keeper.keeper.lastKeptAccount(QStringLiteral("OTHER.example.com"), kPort), kMeera);
        // Forgetting another account leaves the last one alone.
        QVERIFY(keeper.forget(kHost, kPort, kMeera).ok());
        QCOMPARE(keeper.keeper.lastKeptAccount(kHost, kPort), arun);
        QVERIFY(!keeper.load(kHost, kPort, arun).value().isEmpty());
        // A token removed outside the app (keychain manager) is no longer asked for at start.
        QVERIFY(keeper.forget(QStringLiteral("other.example.com"), kPort, kMeera).ok());
        QVERIFY(keeper.save(QStringLiteral("other.example.com"), kPort, kMeera, freshToken()).ok());
        Keeper elsewhere(m_dir.filePath(QStringLiteral("elsewhere.ini")));
        QVERIFY(elsewhere.forget(QStringLiteral("other.example.com"), kPort, kMeera).ok());
        QCOMPARE(keeper.keeper.lastKeptAccount(QStringLiteral("other.example.com"), kPort), kMeera);
        QVERIFY(keeper.load(QStringLiteral("other.example.com"), kPort, kMeera).value().isEmpty());
        QVERIFY(keeper.keeper.lastKeptAccount(QStringLiteral("other.example.com"), kPort).isEmpty());
    }

    void noKeychainIsReportedAsUnavailable()
    {
        if (!qEnvironmentVariableIsSet("CCR_NO_KEYCHAIN_TEST"))
            QSKIP("runs as the CTest entry TestSessionKeeperNoKeychain, without a session bus");
        Keeper keeper(iniFile());
        QSignalSpy unavailable(&keeper.keeper, &SessionKeeper::keychainUnavailable);
        QElapsedTimer clock;
        clock.start();
        const auto saved = keeper.save(kHost, kPort, kMeera, freshToken());
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code, common::ErrorCode::Unavailable);
        QVERIFY2(saved.error().message.contains(QStringLiteral("no keychain")), qPrintable(saved.error().message));
        QVERIFY2(saved.error().message.contains(QStringLiteral("sign in again")), qPrintable(saved.error().message));
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(keeper.keeper.availability(), SessionKeeper::Availability::Unavailable);
        QCOMPARE(unavailable.count(), 1);
        QCOMPARE(unavailable.at(0).at(0).value<common::Error>().code, common::ErrorCode::Unavailable);
        QVERIFY(keeper.keeper.lastKeptAccount(kHost, kPort).isEmpty());

        const auto loaded = keeper.load(kHost, kPort, kMeera);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, common::ErrorCode::Unavailable);
        QCOMPARE(keeper.forget(kHost, kPort, kMeera).error().code, common::ErrorCode::Unavailable);
        QCOMPARE(keeper.probe().error().code, common::ErrorCode::Unavailable);
        // Said once, not at every attempt.
        QCOMPARE(unavailable.count(), 1);
    }

    void noAnswerAfterTheContextIsGone()
    {
        if (!inKeyringSession() && !qEnvironmentVariableIsSet("CCR_NO_KEYCHAIN_TEST"))
            QSKIP("needs a keyring, or the CTest entry without a session bus");
        SessionKeeper keeper(iniFile());
        bool called = false;
        auto context = std::make_unique<QObject>();
        keeper.load(kHost, kPort, kMeera, context.get(), [&](const common::Result<QString>&) { called = true; });
        context.reset();
        // Once this answer is in, the one above (queued earlier) has been dropped too.
        bool secondDone = false;
        keeper.load(kHost, kPort, kMeera, &keeper, [&](const common::Result<QString>&) { secondDone = true; });
        QTRY_VERIFY_WITH_TIMEOUT(secondDone, kWaitMs);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestSessionKeeper)
#include "TestSessionKeeper.moc"
