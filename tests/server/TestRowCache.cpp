#include "store/CategoryStore.h"
#include "store/Database.h"
#include "store/GroupCommit.h"
#include "store/Transaction.h"
#include "store/UserStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ccr::server;
using ccr::common::Role;
using ccr::common::UserState;

/**
 * The writer's stores keep users and categories in memory (RowCache): what they return must
 * always be what the database holds for that connection, whatever was written, committed or
 * rolled back; the readers' stores keep nothing.
 */
class TestRowCache final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("cache-%1.db").arg(++m_counter));
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_path));
        m_db->enableGroupCommit();
        m_categories = std::make_unique<CategoryStore>(*m_db);
        m_users = std::make_unique<UserStore>(*m_db);
        {
            Transaction transaction(*m_db);
            auto category = m_categories->insert(QStringLiteral("Billing"), QDateTime::currentDateTimeUtc());
            QVERIFY(category);
            m_categoryId = category.value();
            UserRecord user;
            user.email = QStringLiteral("ann@example.com");
            user.displayName = QStringLiteral("Ann");
            user.passwordHash = QStringLiteral("not a real hash");
            user.createdAt = QDateTime::currentDateTimeUtc();
            auto id = m_users->insert(user);
            QVERIFY(id);
            m_userId = id.value();
            QVERIFY(transaction.commit());
        }
        QVERIFY(m_db->groupCommit()->commitNow());
    }

    void cleanup()
    {
        m_users.reset();
        m_categories.reset();
        m_db.reset();
    }

    void aRolledBackChangeIsNotRememberedAfterwards()
    {
        QCOMPARE(m_categories->find(m_categoryId)->name, QStringLiteral("Billing")); // now kept in memory
        QCOMPARE(m_users->findById(m_userId)->state, UserState::Active);
        {
            Transaction abandoned(*m_db);
            QVERIFY(m_categories->rename(m_categoryId, QStringLiteral("Invoices")));
            QVERIFY(m_users->setRoleAndState(m_userId, Role::Customer, UserState::Disabled));
            // The transaction's own change, read back inside it.
            QCOMPARE(m_categories->find(m_categoryId)->name, QStringLiteral("Invoices"));
            QCOMPARE(m_users->findById(m_userId)->state, UserState::Disabled);
            // Leaves scope without commit(): the request failed, its savepoint is rolled back.
        }
        {
            // The next request, in the same shared transaction.
            Transaction next(*m_db);
            QCOMPARE(m_categories->find(m_categoryId)->name, QStringLiteral("Billing"));
            QCOMPARE(m_users->findById(m_userId)->state, UserState::Active);
            QVERIFY(next.commit());
        }
        QVERIFY(m_db->groupCommit()->commitNow());
        QCOMPARE(m_categories->find(m_categoryId)->name, QStringLiteral("Billing"));
        QCOMPARE(m_users->findById(m_userId)->state, UserState::Active);
    }

    void aFailedCommitLeavesNothingBehind()
    {
        QCOMPARE(m_categories->find(m_categoryId)->name, QStringLiteral("Billing"));
        {
            Transaction transaction(*m_db);
            QVERIFY(m_categories->rename(m_categoryId, QStringLiteral("Invoices")));
            QCOMPARE(m_categories->find(m_categoryId)->name, QStringLiteral("Invoices"));
            // A deferred key that the COMMIT will refuse, so the whole shared transaction fails.
            QSqlQuery orphan(m_db->connection());
            QVERIFY(orphan.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")));
            QVERIFY(orphan.exec(
                QStringLiteral("INSERT INTO ticket_events (ticket_id, at, field) VALUES (424242, 0, 'x')")));
            QVERIFY(transaction.commit());
        }
        QVERIFY(!m_db->groupCommit()->commitNow());
        QCOMPARE(m_categories->find(m_categoryId)->name, QStringLiteral("Billing"));
    }

    void aCommittedChangeIsSeenAtOnce()
    {
        QCOMPARE(m_users->findById(m_userId)->role, Role::Customer);
        {
            Transaction transaction(*m_db);
            QVERIFY(m_users->setRoleAndState(m_userId, Role::Agent, UserState::Active));
            QVERIFY(transaction.commit());
        }
        QCOMPARE(m_users->findById(m_userId)->role, Role::Agent); // before the shared commit
        QVERIFY(m_db->groupCommit()->commitNow());
        QCOMPARE(m_users->findById(m_userId)->role, Role::Agent);
        QVERIFY(m_users->setPasswordHash(m_userId, QStringLiteral("another hash"))); // no transaction: its own commit
        QCOMPARE(m_users->findById(m_userId)->passwordHash, QStringLiteral("another hash"));
    }

    void rowsAreKeptUntilTheStoreWrites()
    {
        QCOMPARE(m_users->findById(m_userId)->displayName, QStringLiteral("Ann"));
        // Only this store writes the table; a change made behind its back shows that the row
        // was kept, and that its own next write is what lets the change through.
        QSqlQuery behind(m_db->connection());
        QVERIFY(behind.exec(QStringLiteral("UPDATE users SET display_name = 'Anne' WHERE id = %1").arg(m_userId)));
        QCOMPARE(m_users->findById(m_userId)->displayName, QStringLiteral("Ann"));
        QVERIFY(m_users->setLastSignIn(m_userId, QDateTime::currentDateTimeUtc()));
        QCOMPARE(m_users->findById(m_userId)->displayName, QStringLiteral("Anne"));
    }

    void aWriteInAnEarlierCommitsActionsWaitsForItsOwnCommit()
    {
        QCOMPARE(m_users->findById(m_userId)->state, UserState::Active);
        QObject context;
        {
            Transaction first(*m_db);
            // Runs after the commit of this transaction, before the wait of the write below
            // ends, and writes in the next shared transaction, which will fail.
            m_db->groupCommit()->afterCommit(&context, [this] {
                Transaction next(*m_db);
                QVERIFY(m_users->setRoleAndState(m_userId, Role::Customer, UserState::Disabled));
                QVERIFY(next.commit());
                QSqlQuery orphan(m_db->connection());
                QVERIFY(orphan.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")));
                QVERIFY(orphan.exec(
                    QStringLiteral("INSERT INTO ticket_events (ticket_id, at, field) VALUES (424242, 0, 'x')")));
            });
            QVERIFY(m_users->setLastSignIn(m_userId, QDateTime::currentDateTimeUtc()));
            QVERIFY(first.commit());
        }
        QVERIFY(m_db->groupCommit()->commitNow());
        QVERIFY(m_db->groupCommit()->isOpen());
        QCOMPARE(m_users->findById(m_userId)->state, UserState::Disabled); // the open transaction's own change
        QVERIFY(!m_db->groupCommit()->commitNow());
        QCOMPARE(m_users->findById(m_userId)->state, UserState::Active);
    }

    void onlyOneStorePerTableKeepsRows()
    {
        QVERIFY(!m_db->claimRowCache(QStringLiteral("users")));
        QVERIFY(!m_db->claimRowCache(QStringLiteral("categories")));
        m_users.reset();
        QVERIFY(m_db->claimRowCache(QStringLiteral("users")));
        m_db->releaseRowCache(QStringLiteral("users"));
    }

    void aReadersStoreKeepsNothing()
    {
        Database reader;
        QVERIFY(reader.openReadOnly(m_path));
        UserStore readerUsers(reader);
        QCOMPARE(readerUsers.findById(m_userId)->displayName, QStringLiteral("Ann"));
        // Written on the writer's connection: the reader's store never hears of it.
        QVERIFY(m_users->setRoleAndState(m_userId, Role::Customer, UserState::Disabled));
        QCOMPARE(readerUsers.findById(m_userId)->state, UserState::Disabled);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CategoryStore> m_categories;
    std::unique_ptr<UserStore> m_users;
    qint64 m_categoryId = 0;
    qint64 m_userId = 0;
};

QTEST_GUILESS_MAIN(TestRowCache)
#include "TestRowCache.moc"
