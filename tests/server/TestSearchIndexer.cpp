#include "services/SearchIndexer.h"
#include "store/Database.h"
#include "store/GroupCommit.h"
#include "store/SearchIndex.h"
#include "store/SqlStatement.h"
#include "store/Transaction.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ccr::server;

/** Texts are queued with their request and indexed many at a time, and a search never misses one. */
class TestSearchIndexer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("indexer-%1.db").arg(++m_counter));
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_path));
        SqlStatement insert(*m_db);
        QVERIFY(
            insert.exec(QStringLiteral("INSERT INTO users (id, email, display_name, role, state, password_hash,"
                                       " created_at) VALUES (7, 'c@example.com', 'C', 'customer', 'active', 'x', 1)")));
        for (int id = 1; id <= 3; ++id)
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO tickets (id, customer_id, category_id, priority, status,"
                                               " subject, description, created_at, updated_at) VALUES"
                                               " (?, 7, 1, 1, 0, 's', 'd', 1, 1)"),
                                {id}));
        m_db->enableGroupCommit();
        m_index = std::make_unique<SearchIndex>(*m_db);
        m_indexer = std::make_unique<SearchIndexer>(*m_db, *m_index);
    }

    void cleanup()
    {
        m_indexer.reset();
        m_index.reset();
        m_db.reset();
    }

    void aQueuedTextIsFoundAfterCatchingUp()
    {
        QVERIFY(addInRequest(1, QStringLiteral("Kettle leaks")));
        QCOMPARE(found(QStringLiteral("kettle")), 0); // queued, not indexed yet
        QCOMPARE(queued(), 1);
        QVERIFY(m_indexer->catchUp().ok());
        QCOMPARE(found(QStringLiteral("kettle")), 1);
        QCOMPARE(queued(), 0);
        TicketScope customer;
        customer.customerId = 7;
        QCOMPARE(m_index->search(QStringLiteral("leak"), customer, false, 10, 0)->total, 1);
    }

    void queuedTextsAreIndexedSoonWithoutASearch()
    {
        for (int id = 1; id <= 3; ++id)
            QVERIFY(addInRequest(id, QStringLiteral("Toaster %1 burns").arg(id)));
        QTRY_COMPARE_WITH_TIMEOUT(queued(), 0, 2000);
        QCOMPARE(found(QStringLiteral("toaster")), 3);
    }

    void aRolledBackRequestQueuesNothing()
    {
        {
            Transaction request(*m_db);
            QVERIFY(m_index->addTicket(2, 7, QStringLiteral("Blender"), QStringLiteral("noisy")).ok());
            // no commit: the request failed
        }
        QVERIFY(m_indexer->catchUp().ok());
        QCOMPARE(found(QStringLiteral("blender")), 0);
        QCOMPARE(queued(), 0);
    }

    void whatACrashLeftQueuedIsIndexedByTheNextServer()
    {
        QVERIFY(addInRequest(3, QStringLiteral("Fridge hums")));
        QVERIFY(m_db->groupCommit()->commitNow());
        m_indexer.reset();
        m_index.reset();
        m_db.reset(); // the process ends with the text still queued

        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_path));
        m_db->enableGroupCommit();
        m_index = std::make_unique<SearchIndex>(*m_db);
        m_indexer = std::make_unique<SearchIndexer>(*m_db, *m_index);
        QCOMPARE(queued(), 1);
        QVERIFY(m_indexer->catchUp().ok());
        QCOMPARE(found(QStringLiteral("fridge")), 1);
    }

    void aRoundThatFailsKeepsTheTextsAndSaysSo()
    {
        QVERIFY(addInRequest(1, QStringLiteral("Microwave sparks")));
        {
            SqlStatement drop(*m_db);
            QVERIFY(drop.exec(QStringLiteral("ALTER TABLE customer_search RENAME TO customer_search_away")));
        }
        const auto failed = m_indexer->catchUp();
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, ccr::common::ErrorCode::Unavailable);
        QCOMPARE(queued(), 1);
        QCOMPARE(found(QStringLiteral("microwave")), 0); // nothing half-indexed
        {
            SqlStatement back(*m_db);
            QVERIFY(back.exec(QStringLiteral("ALTER TABLE customer_search_away RENAME TO customer_search")));
        }
        QVERIFY(m_indexer->catchUp().ok());
        QCOMPARE(found(QStringLiteral("microwave")), 1);
        QCOMPARE(queued(), 0);
    }

    void noRoundInsideARequest()
    {
        Transaction request(*m_db);
        QVERIFY(m_index->addTicket(1, 7, QStringLiteral("Kettle"), QStringLiteral("leaks")).ok());
        // Its own transaction cannot start while a request is inside the shared one.
        QVERIFY(!m_indexer->catchUp().ok());
        QVERIFY(request.commit());
        QVERIFY(m_indexer->catchUp().ok());
        QCOMPARE(found(QStringLiteral("kettle")), 1);
    }

private:
    bool addInRequest(qint64 ticketId, const QString& subject)
    {
        Transaction request(*m_db);
        return m_index->addTicket(ticketId, 7, subject, QStringLiteral("since yesterday")).ok() && request.commit();
    }

    qint64 found(const QString& words)
    {
        const auto hits = m_index->search(words, TicketScope{}, true, 10, 0);
        return hits ? hits->total : -1;
    }

    int queued()
    {
        SqlStatement count(*m_db);
        return count.exec(QStringLiteral("SELECT COUNT(*) FROM search_backlog")) && count.next()
                   ? count.value(0).toInt()
                   : -1;
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SearchIndex> m_index;
    std::unique_ptr<SearchIndexer> m_indexer;
};

QTEST_GUILESS_MAIN(TestSearchIndexer)
#include "TestSearchIndexer.moc"
