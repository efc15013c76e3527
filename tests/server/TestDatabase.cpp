#include "store/Database.h"
#include "store/Migrations.h"
#include "store/SessionStore.h"
#include "store/UserStore.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ccr::server;
using ccr::common::ErrorCode;
using ccr::common::Role;
using ccr::common::UserState;

namespace {

UserRecord sampleUser(const QString& email)
{
    UserRecord user;
    user.email = email;
    user.displayName = QStringLiteral("Sample");
    user.role = Role::Customer;
    user.state = UserState::Active;
    user.passwordHash = QStringLiteral("scrypt$10$8$1$x$y");
    user.createdAt = QDateTime::currentDateTimeUtc();
    return user;
}

QString pragma(Database& db, const QString& name)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next())
        return {};
    return query.value(0).toString();
}

} // namespace

class TestDatabase final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newDatabaseIsMigratedWithWal()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("a.sqlite3"))).ok());
        QCOMPARE(db.schemaVersion(), Migrations::kSchemaVersion);
        QCOMPARE(pragma(db, QStringLiteral("journal_mode")), QStringLiteral("wal"));
        QCOMPARE(pragma(db, QStringLiteral("synchronous")), QStringLiteral("1")); // NORMAL
        QCOMPARE(pragma(db, QStringLiteral("foreign_keys")), QStringLiteral("1"));
    }

    void fullDurabilityIsApplied()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("a.sqlite3")), Durability::Full).ok());
        QCOMPARE(pragma(db, QStringLiteral("synchronous")), QStringLiteral("2")); // FULL
    }

    void reopeningKeepsDataAndVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite3"));
        {
            Database db;
            QVERIFY(db.open(path).ok());
            UserStore users(db);
            QVERIFY(users.insert(sampleUser(QStringLiteral("kept@example.com"))).ok());
        }
        Database db;
        QVERIFY(db.open(path).ok());
        QCOMPARE(db.schemaVersion(), Migrations::kSchemaVersion);
        QVERIFY(UserStore(db).findByEmail(QStringLiteral("KEPT@example.com")).has_value());
    }

    void refusesANewerDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite3"));
        {
            Database db;
            QVERIFY(db.open(path).ok());
            QSqlQuery query(db.connection());
            QVERIFY(query.exec(QStringLiteral("UPDATE meta SET value = '999' WHERE key = 'schema_version'")));
        }
        Database db;
        const auto opened = db.open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Unavailable);
        QVERIFY(opened.error().message.contains(QStringLiteral("999")));
        QVERIFY(opened.error().message.contains(QStringLiteral("newer")));
    }

    void readOnlyDirectoryGivesAClearError()
    {
        if (geteuid() == 0)
            QSKIP("root ignores directory permissions");
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        Database db;
        const auto opened = db.open(dir.filePath(QStringLiteral("a.sqlite3")));
        QVERIFY(!opened.ok());
        QVERIFY(opened.error().message.contains(dir.path()));
    }

    void missingDirectoryGivesAClearError()
    {
        Database db;
        const auto opened = db.open(QStringLiteral("/nonexistent-ccr-dir/a.sqlite3"));
        QVERIFY(!opened.ok());
        QVERIFY(opened.error().message.contains(QStringLiteral("/nonexistent-ccr-dir")));
    }

    void emailsAreUniqueIgnoringCase()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("a.sqlite3"))).ok());
        UserStore users(db);
        QVERIFY(users.insert(sampleUser(QStringLiteral("same@example.com"))).ok());
        const auto duplicate = users.insert(sampleUser(QStringLiteral("SAME@Example.com")));
        QVERIFY(!duplicate.ok());
        QCOMPARE(duplicate.error().code, ErrorCode::EmailTaken);
        QCOMPARE(users.count(), 1);
    }

    void sessionsAreRemovedWithTheirUserAndByExpiry()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("a.sqlite3"))).ok());
        UserStore users(db);
        SessionStore sessions(db);
        const qint64 userId = users.insert(sampleUser(QStringLiteral("s@example.com"))).value();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        SessionRecord session{0, userId, QByteArray(32, 'a'), now, now.addSecs(60), QStringLiteral("127.0.0.1")};
        const qint64 first = sessions.insert(session).value();
        session.tokenHash = QByteArray(32, 'b');
        session.expiresAt = now.addSecs(-1);
        QVERIFY(sessions.insert(session).ok());
        QCOMPARE(sessions.removeExpired(now), 1);
        QVERIFY(sessions.findByTokenHash(QByteArray(32, 'a')).has_value());
        const auto removed = sessions.removeAllForUser(userId);
        QVERIFY(removed.ok());
        QCOMPARE(removed.value(), QList<qint64>{first});
        QVERIFY(!sessions.findById(first).has_value());
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
