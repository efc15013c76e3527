#include "LogGrowth.h"
#include "store/Checkpointer.h"
#include "store/Database.h"
#include "store/LogRestart.h"
#include "store/SqlStatement.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ccr::server;

namespace {

/** Writes about a thousand pages into the write-ahead log, in many small commits. */
bool writePages(Database& db)
{
    const QString filler(3000, QLatin1Char('x'));
    for (int i = 0; i < 1000; ++i) {
        SqlStatement insert(db);
        if (!insert.exec(QStringLiteral("INSERT INTO scratch (text) VALUES (?)"), {filler}))
            return false;
    }
    return true;
}

/** Pages in the write-ahead log, as the writer sees them (copying them back as it asks). */
int pagesInTheLog(Database& db)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) || !query.next())
        return -1;
    return query.value(1).toInt();
}

} // namespace

/** The log is copied back into the database file by the Checkpointer's thread, not the writer. */
class TestCheckpointer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("checkpoints-%1.db").arg(++m_counter));
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_path));
        SqlStatement create(*m_db);
        QVERIFY(create.exec(QStringLiteral("CREATE TABLE scratch (id INTEGER PRIMARY KEY, text TEXT)")));
        QVERIFY(m_db->stopAutomaticCheckpoints());
    }

    void cleanup() { m_db.reset(); }

    void theWriterNoLongerCheckpoints()
    {
        QVERIFY(writePages(*m_db));
        // SQLite would have checkpointed at 1,000 pages and started the log over: it would hold fewer.
        QVERIFY(pagesInTheLog(*m_db) > 1000);
    }

    void theCheckpointerCopiesTheLog()
    {
        // The search file (attached read-only to the checkpointer's connection too) has a log of
        // its own, written by the indexer: checkpointing it through a read-only attachment fails.
        Database index;
        QVERIFY(index.openSearchIndex(m_path).ok());
        SqlStatement indexed(index);
        QVERIFY(indexed.exec(QStringLiteral("INSERT INTO search_state (key, value) VALUES ('scratch', 1)")));
        Checkpointer checkpointer(m_path, Durability::Normal);
        QVERIFY(checkpointer.begin());
        QVERIFY(writePages(*m_db));
        // The writer made no checkpoint: a complete one by the checkpointer means it copied the log.
        QTRY_VERIFY_WITH_TIMEOUT(checkpointer.progress().logPages > 0 &&
                                     checkpointer.progress().copiedPages == checkpointer.progress().logPages,
                                 5000);
        const int checkpoints = checkpointer.progress().checkpoints;
        QTRY_VERIFY_WITH_TIMEOUT(checkpointer.progress().checkpoints > checkpoints, 5000);
        checkpointer.end();
        // Still one database: a fresh connection reads every row.
        Database reader;
        QVERIFY(reader.openReadOnly(m_path).ok());
        SqlStatement count(reader);
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM scratch")) && count.next());
        QCOMPARE(count.value(0).toInt(), 1000);
    }

    void theLogStartsOverUnderWritesThatNeverPause()
    {
        // Commits back to back leave the Checkpointer no moment in which it copied the whole
        // log, so only the writer can let the log start over (LogRestart).
        Checkpointer checkpointer(m_path, Durability::Normal);
        QVERIFY(checkpointer.begin());
        const QString filler(3000, QLatin1Char('x'));
        constexpr int kCommits = 30000; // about 3 pages each: 370 MB of log if it never started over
        qint64 largestLog = 0;
        for (int i = 0; i < kCommits; ++i) {
            SqlStatement insert(*m_db);
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO scratch (text) VALUES (?)"), {filler}));
            if (i % 500 == 0)
                largestLog = std::max(largestLog, QFileInfo(m_path + QStringLiteral("-wal")).size());
        }
        checkpointer.end();
        QVERIFY2(largestLog <= ccr::test::kLargestLogBytes,
                 qPrintable(ccr::test::logGrowth(largestLog, *m_db->logRestart())));
        QVERIFY(m_db->logRestart()->completed() >= 2);
    }

    void aDatabaseItCannotOpenLeavesCheckpointsToTheWriter()
    {
        Checkpointer checkpointer(m_dir.filePath(QStringLiteral("missing/none.db")), Durability::Normal);
        QVERIFY(!checkpointer.begin());
        checkpointer.end();
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
    std::unique_ptr<Database> m_db;
};

QTEST_GUILESS_MAIN(TestCheckpointer)
#include "TestCheckpointer.moc"
