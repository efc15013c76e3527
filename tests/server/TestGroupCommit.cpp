#include "store/Database.h"
#include "store/GroupCommit.h"
#include "store/Transaction.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ccr::server;

namespace {

bool execute(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    return query.exec(sql);
}

/** Rows another connection sees: only what was committed. */
int committedNotes(const QString& path)
{
    const QString name = QStringLiteral("reader");
    int rows = -1;
    {
        auto reader = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        reader.setDatabaseName(path);
        if (reader.open()) {
            QSqlQuery query(reader);
            if (query.exec(QStringLiteral("SELECT COUNT(*) FROM scratch_notes")) && query.next())
                rows = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

} // namespace

/** Group commit: many requests' transactions share one commit, and nobody hears "done" before it. */
class TestGroupCommit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("group-%1.db").arg(++m_counter));
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_path));
        // A deferred foreign key lets a test make the shared COMMIT itself fail.
        QVERIFY(execute(m_db->connection(), QStringLiteral("CREATE TABLE scratch_parents (id INTEGER PRIMARY KEY)")));
        QVERIFY(execute(m_db->connection(),
                        QStringLiteral("CREATE TABLE scratch_notes (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES "
                                       "scratch_parents(id) DEFERRABLE INITIALLY DEFERRED, text TEXT)")));
        m_db->enableGroupCommit();
    }

    void cleanup() { m_db.reset(); }

    void transactionsOfOneTurnShareOneCommit()
    {
        for (int i = 0; i < 3; ++i) {
            Transaction transaction(*m_db);
            QVERIFY(transaction.isActive());
            QVERIFY(execute(m_db->connection(), QStringLiteral("INSERT INTO scratch_notes (text) VALUES ('kept')")));
            QVERIFY(transaction.commit());
        }
        QVERIFY(m_db->groupCommit()->isOpen());
        QCOMPARE(committedNotes(m_path), 0);
        QTRY_VERIFY(!m_db->groupCommit()->isOpen());
        QCOMPARE(committedNotes(m_path), 3);
    }

    void aFailedRequestUndoesOnlyItsOwnChanges()
    {
        {
            Transaction kept(*m_db);
            QVERIFY(execute(m_db->connection(), QStringLiteral("INSERT INTO scratch_notes (text) VALUES ('kept')")));
            QVERIFY(kept.commit());
        }
        {
            Transaction abandoned(*m_db);
            QVERIFY(execute(m_db->connection(), QStringLiteral("INSERT INTO scratch_notes (text) VALUES ('lost')")));
            // Leaves scope without commit(): a request that failed half-way.
        }
        {
            Transaction kept(*m_db);
            QVERIFY(execute(m_db->connection(), QStringLiteral("INSERT INTO scratch_notes (text) VALUES ('kept')")));
            QVERIFY(kept.commit());
        }
        QVERIFY(m_db->groupCommit()->commitNow());
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*), SUM(text = 'lost') FROM scratch_notes")) && query.next());
        QCOMPARE(query.value(0).toInt(), 2);
        QCOMPARE(query.value(1).toInt(), 0);
    }

    void waitersRunOnlyAfterTheCommit()
    {
        QObject context;
        int told = 0;
        m_db->groupCommit()->afterCommit(&context, [&] { ++told; });
        QCOMPARE(told, 1); // nothing open: at once

        Transaction transaction(*m_db);
        QVERIFY(execute(m_db->connection(), QStringLiteral("INSERT INTO scratch_notes (text) VALUES ('x')")));
        QVERIFY(transaction.commit());
        int seenCommitted = -1;
        m_db->groupCommit()->afterCommit(&context, [&] {
            ++told;
            seenCommitted = committedNotes(m_path);
        });
        QCOMPARE(told, 1);
        QTRY_COMPARE(told, 2);
        QCOMPARE(seenCommitted, 1);
    }

    void beforeCommitReadsInsideTheTransactionOnce()
    {
        QObject context;
        int runs = 0;
        m_db->groupCommit()->beforeCommit(&context, [&] { ++runs; });
        QVERIFY(m_db->groupCommit()->commitNow());
        QCOMPARE(runs, 0); // nothing was open

        Transaction transaction(*m_db);
        QVERIFY(execute(m_db->connection(), QStringLiteral("INSERT INTO scratch_notes (text) VALUES ('x')")));
        QVERIFY(transaction.commit());
        int seenInside = -1;
        int seenOutside = -1;
        m_db->groupCommit()->beforeCommit(&context, [&] {
            ++runs;
            QSqlQuery query(m_db->connection());
            if (query.exec(QStringLiteral("SELECT COUNT(*) FROM scratch_notes")) && query.next())
                seenInside = query.value(0).toInt();
            seenOutside = committedNotes(m_path);
        });
        {
            QObject gone;
            m_db->groupCommit()->beforeCommit(&gone, [&] { runs += 100; });
        }
        QVERIFY(m_db->groupCommit()->commitNow());
        QCOMPARE(runs, 1);
        QCOMPARE(seenInside, 1);  // the transaction's own row
        QCOMPARE(seenOutside, 0); // not committed yet while it ran
        QCOMPARE(committedNotes(m_path), 1);
        QVERIFY(m_db->groupCommit()->commitNow());
        QCOMPARE(runs, 1);
    }

    void waitersOfADestroyedContextAreSkipped()
    {
        Transaction transaction(*m_db);
        QVERIFY(transaction.commit());
        int told = 0;
        {
            QObject gone;
            m_db->groupCommit()->afterCommit(&gone, [&] { ++told; });
        }
        QVERIFY(m_db->groupCommit()->commitNow());
        QCOMPARE(told, 0);
    }

    void aFailedCommitTellsWaitersAndKeepsNothing()
    {
        {
            Transaction transaction(*m_db);
            QVERIFY(execute(m_db->connection(),
                            QStringLiteral("INSERT INTO scratch_notes (parent, text) VALUES (42, 'orphan')")));
            QVERIFY(transaction.commit()); // the deferred key is only checked at COMMIT
        }
        QObject context;
        bool committed = false;
        bool failed = false;
        m_db->groupCommit()->afterCommit(
            &context, [&] { committed = true; }, [&] { failed = true; });
        QVERIFY(!m_db->groupCommit()->commitNow());
        QVERIFY(failed);
        QVERIFY(!committed);
        QVERIFY(!m_db->groupCommit()->isOpen());
        QCOMPARE(committedNotes(m_path), 0);

        // The connection is usable again afterwards.
        Transaction next(*m_db);
        QVERIFY(next.isActive());
        QVERIFY(execute(m_db->connection(), QStringLiteral("INSERT INTO scratch_notes (text) VALUES ('after')")));
        QVERIFY(next.commit());
        QVERIFY(m_db->groupCommit()->commitNow());
        QCOMPARE(committedNotes(m_path), 1);
    }

    void aFullGroupCommitsWithoutWaitingForTheTurn()
    {
        for (int i = 0; i < GroupCommit::kMaxJoined; ++i) {
            Transaction transaction(*m_db);
            QVERIFY(execute(m_db->connection(), QStringLiteral("INSERT INTO scratch_notes (text) VALUES ('n')")));
            QVERIFY(transaction.commit());
        }
        QVERIFY(!m_db->groupCommit()->isOpen());
        QCOMPARE(committedNotes(m_path), GroupCommit::kMaxJoined);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
    std::unique_ptr<Database> m_db;
};

QTEST_GUILESS_MAIN(TestGroupCommit)
#include "TestGroupCommit.moc"
