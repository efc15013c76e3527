#include "services/ReadPool.h"
#include "services/TicketPolicy.h"
#include "services/TicketQueries.h"
#include "services/TicketStores.h"
#include "store/Database.h"
#include "store/GroupCommit.h"
#include "store/SqlStatement.h"
#include "store/Transaction.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <thread>

using namespace ccr::server;
using ccr::common::Result;

namespace {

/** A job that reports which thread ran it and how many users it saw. */
ReadPool::Work countUsers(QThread** ranOn = nullptr)
{
    return [ranOn](TicketQueries& queries) -> Result<QCborMap> {
        if (ranOn)
            *ranOn = QThread::currentThread();
        auto agents = queries.agentLoad();
        if (!agents)
            return agents.error();
        return QCborMap{{QStringLiteral("agents"), agents->agents.size()}};
    };
}

} // namespace

/** Reads run on their own threads and connections, and never miss what was written before them. */
class TestReadPool final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("reads-%1.db").arg(++m_counter));
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_path));
        m_db->enableGroupCommit();
        m_stores = std::make_unique<TicketStores>(*m_db);
        m_queries = std::make_unique<TicketQueries>(*m_stores, m_policy);
        m_pool = std::make_unique<ReadPool>(*m_queries, m_db->groupCommit());
        QVERIFY(m_pool->start(m_path, m_policy, 2).ok());
        QCOMPARE(m_pool->threadCount(), 2);
    }

    void cleanup()
    {
        m_pool.reset();
        m_queries.reset();
        m_stores.reset();
        m_db.reset();
    }

    void aReadRunsOnAReaderThread()
    {
        QThread* ranOn = nullptr;
        std::optional<Result<QCborMap>> answer;
        m_pool->run(countUsers(&ranOn), [&answer](const Result<QCborMap>& result) { answer = result; });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(answer->ok());
        QVERIFY(ranOn);
        QVERIFY(ranOn != QThread::currentThread());
    }

    void aReadWaitsForTheCommitOfEarlierWrites()
    {
        std::optional<Result<QCborMap>> answer;
        {
            Transaction transaction(*m_db);
            QVERIFY(transaction.isActive());
            SqlStatement insert(*m_db);
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO users (email, display_name, role, state, password_hash,"
                                               " created_at) VALUES ('agent@example.com', 'Agent', 'agent', 'active',"
                                               " 'x', 1)")));
            // Asked while the write is still open: a reader now would see no agent at all.
            m_pool->run(countUsers(), [&answer](const Result<QCborMap>& result) { answer = result; });
            QTest::qWait(200);
            QVERIFY(!answer.has_value());
            QVERIFY(transaction.commit());
        }
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!m_db->groupCommit()->isOpen());
        QCOMPARE(answer->value().value(QStringLiteral("agents")).toInteger(), 1);
    }

    void readsRunSideBySide()
    {
        QSemaphore started;
        QSemaphore release;
        std::optional<Result<QCborMap>> slow;
        std::optional<Result<QCborMap>> quick;
        m_pool->run(
            [&](TicketQueries& queries) {
                started.release();
                release.acquire(); // holds its reader until the other read has answered
                return countUsers()(queries);
            },
            [&slow](const Result<QCborMap>& result) { slow = result; });
        QVERIFY(started.tryAcquire(1, 5000));
        m_pool->run(countUsers(), [&quick](const Result<QCborMap>& result) { quick = result; });
        QTRY_VERIFY(quick.has_value());
        QVERIFY(!slow.has_value());
        release.release();
        QTRY_VERIFY(slow.has_value());
    }

    void stoppingWaitsForRunningReadsAndDropsTheRest()
    {
        QSemaphore running;
        QSemaphore release;
        QAtomicInt ran = 0;
        int answers = 0;
        for (int i = 0; i < 6; ++i)
            m_pool->run(
                [&](TicketQueries& queries) {
                    running.release();
                    release.acquire();
                    ran.fetchAndAddOrdered(1);
                    return countUsers()(queries);
                },
                [&answers](const Result<QCborMap>&) { ++answers; });
        QVERIFY(running.tryAcquire(2, 5000)); // both readers busy, four reads queued
        // Let the two running reads finish only once stop() is already waiting for them.
        std::thread releaser([&release] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            release.release(6);
        });
        QElapsedTimer stopping;
        stopping.start();
        m_pool->stop();
        releaser.join();
        QVERIFY(stopping.elapsed() >= 50);
        QCoreApplication::processEvents();
        QCOMPARE(ran.loadAcquire(), 2);
        QCOMPARE(answers, 0);
        QCOMPARE(m_pool->threadCount(), 0);
    }

    void tooManyWaitingReadsAreTurnedAway()
    {
        QSemaphore release;
        int answered = 0;
        for (qsizetype i = 0; i < ReadPool::kMaxWaiting; ++i)
            m_pool->run(
                [&release](TicketQueries& queries) {
                    release.acquire();
                    return countUsers()(queries);
                },
                [&answered](const Result<QCborMap>&) { ++answered; });
        std::optional<Result<QCborMap>> refused;
        m_pool->run(countUsers(), [&refused](const Result<QCborMap>& result) { refused = result; });
        QVERIFY(refused.has_value()); // at once, without a reader
        QCOMPARE(refused->error().code, ccr::common::ErrorCode::Unavailable);
        release.release(static_cast<int>(ReadPool::kMaxWaiting));
        QTRY_COMPARE_WITH_TIMEOUT(answered, static_cast<int>(ReadPool::kMaxWaiting), 20000);
    }

    void aMissingDatabaseFailsToStart()
    {
        ReadPool pool(*m_queries, nullptr);
        const auto started = pool.start(m_dir.filePath(QStringLiteral("missing/none.db")), m_policy, 2);
        QVERIFY(!started.ok());
        QVERIFY(started.error().message.contains(QLatin1String("none.db")));
        QCOMPARE(pool.threadCount(), 0);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
    TicketPolicy m_policy;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<TicketStores> m_stores;
    std::unique_ptr<TicketQueries> m_queries;
    std::unique_ptr<ReadPool> m_pool;
};

QTEST_GUILESS_MAIN(TestReadPool)
#include "TestReadPool.moc"
