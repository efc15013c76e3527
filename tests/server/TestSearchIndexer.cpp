#include "LogGrowth.h"
#include "common/MessageKind.h"
#include "services/SearchIndexer.h"
#include "store/Checkpointer.h"
#include "store/Database.h"
#include "store/GroupCommit.h"
#include "store/LogRestart.h"
#include "store/SearchFile.h"
#include "store/SearchIndex.h"
#include "store/SearchIndexWriter.h"
#include "store/SqlStatement.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace ccr::server;
using ccr::common::MessageKind;
using ccr::common::Result;

/**
 * Texts are queued with their request and indexed in the search file on the indexer's own
 * thread, many at a time; a search waits until every text committed before it is indexed.
 */
class TestSearchIndexer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("indexer-%1.db").arg(++m_counter));
        {
            Database db;
            QVERIFY(db.open(m_path));
            SqlStatement insert(db);
            QVERIFY(insert.exec(
                QStringLiteral("INSERT INTO users (id, email, display_name, role, state, password_hash,"
                               " created_at) VALUES (7, 'c@example.com', 'C', 'customer', 'active', 'x', 1)")));
            for (int id = 1; id <= 3; ++id)
                QVERIFY(
                    insert.exec(QStringLiteral("INSERT INTO tickets (id, customer_id, category_id, priority, status,"
                                               " subject, description, created_at, updated_at) VALUES"
                                               " (?, 7, 1, 1, 0, 's', 'd', 1, 1)"),
                                {id}));
        }
        startServerSide();
    }

    void cleanup() { stopServerSide(); }

    void aSearchWaitsUntilItsTextsAreIndexed()
    {
        QVERIFY(m_db->groupCommit()->isOpen() == false);
        Transaction request(*m_db);
        QVERIFY(addReply(1, QStringLiteral("Kettle leaks")));
        QVERIFY(request.commit());
        // Asked while the text's transaction is still open: the answer waits for the commit and the round.
        std::optional<Result<void>> answer;
        m_indexer->whenCaughtUp([&answer](const Result<void>& result) { answer = result; });
        QVERIFY(!answer.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 3000);
        QVERIFY(answer->ok());
        QCOMPARE(found(QStringLiteral("kettle")), 1);
        TicketScope customer;
        customer.customerId = 7;
        QCOMPARE(m_index->search(QStringLiteral("leak"), customer, false, 10, 0)->total, 1);
    }

    void queuedTextsAreIndexedSoonWithoutASearch()
    {
        for (int id = 1; id <= 3; ++id)
            QVERIFY(addInRequest(id, QStringLiteral("Toaster %1 burns").arg(id)));
        QTRY_COMPARE_WITH_TIMEOUT(found(QStringLiteral("toaster")), 3, 3000);
    }

    void indexedTextsLeaveTheQueue()
    {
        const int texts = static_cast<int>(SearchIndexer::kForgetAfter) + 10;
        for (int i = 0; i < texts; ++i)
            QVERIFY(addInRequest(1 + i % 3, QStringLiteral("Fan %1 rattles").arg(i)));
        QCOMPARE(queued(), texts);
        QVERIFY(caughtUp().ok());
        QTRY_VERIFY_WITH_TIMEOUT(queued() < texts - SearchIndexer::kForgetAfter + SearchIndexer::kRoundTexts, 3000);
        QCOMPARE(found(QStringLiteral("rattles")), 3);
    }

    void aRolledBackRequestQueuesNothing()
    {
        {
            Transaction request(*m_db);
            QVERIFY(addReply(2, QStringLiteral("Blender")));
            // no commit: the request failed
        }
        QVERIFY(caughtUp().ok());
        QCOMPARE(found(QStringLiteral("blender")), 0);
        QCOMPARE(queued(), 0);
        // Its queue id comes again, and the next text is still indexed.
        QVERIFY(addInRequest(2, QStringLiteral("Mixer")));
        QVERIFY(caughtUp().ok());
        QCOMPARE(found(QStringLiteral("mixer")), 1);
    }

    void whatACrashLeftQueuedIsIndexedByTheNextServer()
    {
        QVERIFY(addInRequest(3, QStringLiteral("Fridge hums")));
        QVERIFY(m_db->groupCommit()->commitNow());
        stopServerSide(); // before its round: the process ends with the text still queued
        startServerSide(false);
        QCOMPARE(queued(), 1);
        // Nobody searches: the start itself asks for the leftovers.
        QTRY_COMPARE_WITH_TIMEOUT(found(QStringLiteral("fridge")), 1, 3000);
    }

    void aLostSearchFileIsRebuilt()
    {
        QVERIFY(addInRequest(1, QStringLiteral("Heater clicks")));
        QVERIFY(addInRequest(2, QStringLiteral("Heater smells")));
        QVERIFY(caughtUp().ok());
        stopServerSide();
        QVERIFY(QFile::remove(SearchFile::pathFor(m_path)));
        startServerSide();
        // The tickets' own texts ('s' / 'd' from init) come back from the main database.
        QTRY_VERIFY_WITH_TIMEOUT(caughtUp().ok(), 5000);
        QCOMPARE(found(QStringLiteral("s")), 3);
        QCOMPARE(found(QStringLiteral("heater")), 2); // the replies too
        // The vocabulary too, folded as the index folds words; it grows with the queue as well.
        QCOMPARE(knownWords({QStringLiteral("heater"), QStringLiteral("clicks"), QStringLiteral("Heater")}),
                 (QStringList{QStringLiteral("heater"), QStringLiteral("clicks")}));
        QVERIFY(addInRequest(1, QStringLiteral("Kettle")));
        QVERIFY(caughtUp().ok());
        QCOMPARE(knownWords({QStringLiteral("kettle")}), QStringList{QStringLiteral("kettle")});
    }

    void anIndexThatDoesNotFitIsRebuilt_data()
    {
        QTest::addColumn<QString>("change");
        // Copied from another desk.
        QTest::newRow("another desk") << QStringLiteral(
            "UPDATE search_state SET value = value + 1 WHERE key = 'desk_id'");
        // Its last commits lost (a power cut) after the main file dropped those texts from the queue.
        QTest::newRow("lost commits") << QStringLiteral(
            "UPDATE search_state SET value = 0 WHERE key = 'indexed_up_to'");
        // Made before search_words existed: its vocabulary is empty.
        QTest::newRow("no vocabulary") << QStringLiteral("DELETE FROM search_state WHERE key = 'words'");
    }

    void anIndexThatDoesNotFitIsRebuilt()
    {
        QFETCH(QString, change);
        for (int i = 0; i < static_cast<int>(SearchIndexer::kForgetAfter) + 1; ++i)
            QVERIFY(addInRequest(1 + i % 3, QStringLiteral("Radio %1 hisses").arg(i)));
        QVERIFY(caughtUp().ok());
        QTRY_VERIFY_WITH_TIMEOUT(queued() < static_cast<int>(SearchIndexer::kForgetAfter), 3000);
        stopServerSide();
        {
            Database index;
            QVERIFY(index.openSearchIndex(m_path).ok());
            SqlStatement spoil(index);
            QVERIFY(spoil.exec(change));
            // A text no table holds: gone once the index is built anew.
            QVERIFY(spoil.exec(QStringLiteral("INSERT INTO ticket_search (rowid, subject, body, kind)"
                                              " VALUES (4294967297000, '', 'zebra', 'public')")));
        }
        startServerSide();
        QCOMPARE(found(QStringLiteral("zebra")), 0);
        QCOMPARE(found(QStringLiteral("hisses")), 3);
    }

    void aRebuildTakesEveryTextOnceAndTheQueueCarriesOn()
    {
        QVERIFY(addInRequest(1, QStringLiteral("Lamp flickers")));
        {
            SqlStatement message(*m_db);
            QVERIFY(
                message.exec(QStringLiteral("INSERT INTO ticket_messages (ticket_id, kind, author_id, body, created_at)"
                                            " VALUES (2, 'internal', 7, 'flickers too', 1)")));
        }
        QVERIFY(m_db->groupCommit()->commitNow());
        stopServerSide();

        Database index;
        QVERIFY(index.openSearchIndex(m_path));
        SearchIndexWriter writer(index);
        QVERIFY(writer.rebuild().ok());
        QVERIFY(writer.fitsTheQueue().value());
        // Rebuilt from the tables: the 3 tickets, the reply and the note. The queued reply counts
        // as indexed: the rebuild read the queue's state with the tables, and no text comes twice.
        QCOMPARE(writer.state()->indexedUpTo, 1);
        const auto round = writer.indexQueued(100);
        QVERIFY(round.ok());
        QCOMPARE(round->indexedUpTo, 1);
        SqlStatement rows(index);
        QVERIFY(rows.exec(QStringLiteral("SELECT COUNT(*) FROM ticket_search")) && rows.next());
        QCOMPARE(rows.value(0).toInt(), 5);
        QVERIFY(rows.exec(QStringLiteral("SELECT COUNT(*) FROM customer_search")) && rows.next());
        QCOMPARE(rows.value(0).toInt(), 4); // not the internal note
        // A second rebuild by the same writer (which remembers the words it wrote) fills the
        // emptied vocabulary again.
        QVERIFY(writer.rebuild({}, {}, SearchIndexWriter::Resume::Never).ok());
        QVERIFY(rows.exec(QStringLiteral("SELECT COUNT(*) FROM search_words WHERE word IN ('lamp', 'flickers')")) &&
                rows.next());
        QCOMPARE(rows.value(0).toInt(), 2);
        rows.query().finish();

        // The queue carries on after the rebuild's mark.
        startServerSide(false);
        QVERIFY(addInRequest(3, QStringLiteral("Lamp hums")));
        QVERIFY(m_db->groupCommit()->commitNow());
        QCOMPARE(writer.indexQueued(100)->indexedUpTo, 2);
        QVERIFY(rows.exec(QStringLiteral("SELECT COUNT(*) FROM ticket_search")) && rows.next());
        QCOMPARE(rows.value(0).toInt(), 6);
    }

    void aRoundHoldsNoMoreThanItsShareOfLongTexts()
    {
        stopServerSide();
        Database index;
        QVERIFY(index.openSearchIndex(m_path).ok());
        SearchIndexWriter writer(index);
        QVERIFY(writer.rebuild().ok());
        const qint64 before = writer.state()->indexedUpTo;
        // 120 replies of 50,000 characters: 6 million, more than one round may hold.
        constexpr int kReplies = 120;
        {
            Database db;
            QVERIFY(db.open(m_path));
            SearchIndex queue(db);
            SqlStatement begin(db);
            QVERIFY(begin.exec(QStringLiteral("BEGIN")));
            const QString body = QStringLiteral("lamp ").repeated(10000);
            for (int i = 0; i < kReplies; ++i) {
                SqlStatement message(db);
                QVERIFY(message.exec(QStringLiteral("INSERT INTO ticket_messages (ticket_id, kind, author_id, body,"
                                                    " created_at) VALUES (1, 'public', 7, ?, 1)"),
                                     {body}));
                QVERIFY(queue.addMessage(1, message.lastInsertId().toLongLong(), MessageKind::Public).ok());
            }
            QVERIFY(begin.exec(QStringLiteral("COMMIT")));
        }
        const auto first = writer.indexQueued(5000);
        QVERIFY(first.ok());
        QVERIFY(first->more);
        const qint64 firstTexts = first->indexedUpTo - before;
        QVERIFY2(firstTexts > 0 && firstTexts * 50000 <= SearchIndexWriter::kRoundChars + 50000,
                 qPrintable(QString::number(firstTexts)));
        // The rest follows in the next rounds, each text once.
        auto round = first;
        while (round.ok() && round->more)
            round = writer.indexQueued(5000);
        QVERIFY(round.ok());
        QCOMPARE(round->indexedUpTo - before, qint64{kReplies});
        SqlStatement rows(index);
        QVERIFY(
            rows.exec(QStringLiteral("SELECT COUNT(*) FROM ticket_search WHERE rowid >> 32 = 1 AND rowid & 0xffffffff"
                                     " <> 0")) &&
            rows.next());
        QCOMPARE(rows.value(0).toInt(), kReplies);
    }

    void aRebuildCutShortGoesOnWhereItStopped()
    {
        stopServerSide();
        {
            Database db;
            QVERIFY(db.open(m_path));
            SqlStatement insert(db);
            QVERIFY(insert.exec(QStringLiteral("BEGIN")));
            for (int id = 4; id <= SearchIndexWriter::kRebuildBatch + 100; ++id)
                QVERIFY(insert.exec(QStringLiteral("INSERT INTO tickets (id, customer_id, category_id, priority,"
                                                   " status, subject, description, created_at, updated_at) VALUES"
                                                   " (?, 7, 1, 1, 0, 'Vacuum', 'weak', 1, 1)"),
                                    {id}));
            QVERIFY(insert.exec(QStringLiteral("COMMIT")));
        }
        Database index;
        QVERIFY(index.openSearchIndex(m_path).ok());
        SearchIndexWriter writer(index);
        int batches = 0;
        QVERIFY(!writer.rebuild({}, [&batches] { return batches++ == 1; }).ok()); // stops after one batch
        QVERIFY(!writer.state()->complete);
        SqlStatement rows(index);
        QVERIFY(rows.exec(QStringLiteral("SELECT COUNT(*) FROM ticket_search")) && rows.next());
        QCOMPARE(rows.value(0).toInt(), SearchIndexWriter::kRebuildBatch);
        rows.query().finish();
        QVERIFY(writer.rebuild().ok());
        QVERIFY(writer.state()->complete);
        QVERIFY(rows.exec(QStringLiteral("SELECT COUNT(*) FROM ticket_search")) && rows.next());
        QCOMPARE(rows.value(0).toInt(), SearchIndexWriter::kRebuildBatch + 100); // each ticket once
    }

    void aRoundThatFailsKeepsTheTextsAndSaysSo()
    {
        QVERIFY(addInRequest(1, QStringLiteral("Microwave sparks")));
        QSqlDatabase spoiler = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("spoiler"));
        spoiler.setDatabaseName(SearchFile::pathFor(m_path));
        QVERIFY(spoiler.open());
        QVERIFY(QSqlQuery(spoiler).exec(QStringLiteral("ALTER TABLE customer_search RENAME TO customer_search_away")));
        const auto failed = caughtUp(SearchIndexer::kWaitMs + 2000);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, ccr::common::ErrorCode::Unavailable);
        QVERIFY2(failed.error().message.contains(QStringLiteral("could not be indexed")),
                 qPrintable(failed.error().message));
        QCOMPARE(queued(), 1);
        QCOMPARE(found(QStringLiteral("microwave")), 0); // nothing half-indexed
        QVERIFY(QSqlQuery(spoiler).exec(QStringLiteral("ALTER TABLE customer_search_away RENAME TO customer_search")));
        spoiler.close();
        spoiler = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("spoiler"));
        QVERIFY(caughtUp(SearchIndexer::kWaitMs + 2000).ok()); // the search makes it try again (after a 250 ms rest)
        QCOMPARE(found(QStringLiteral("microwave")), 1);
    }

    void theMainLogStartsOverWhileTextsAreIndexed()
    {
        // The indexer reads the queued texts from the main database: a read inside its own
        // transaction, or a BEGIN IMMEDIATE there (which reads every attached file), held a
        // snapshot of the main file for the whole round, and with rounds back to back under
        // steady writes the writer could seldom start its log over (LogRestart).
        QVERIFY(m_db->stopAutomaticCheckpoints());
        Checkpointer checkpointer(m_path, Durability::Normal);
        QVERIFY(checkpointer.begin());
        const QString body = QStringLiteral("heater kettle blender toaster ").repeated(100);
        constexpr int kRequests = 12000; // about 3 pages each: 150 MB of log if it never started over
        qint64 largestLog = 0;
        for (int i = 0; i < kRequests; ++i) {
            QVERIFY(addInRequest(1 + i % 3, body));
            QCoreApplication::processEvents(); // the shared commit, and asking for rounds
            if (i % 200 == 0)
                largestLog = std::max(largestLog, QFileInfo(m_path + QStringLiteral("-wal")).size());
        }
        QVERIFY(addInRequest(1, QStringLiteral("zeppelin")));
        // A search waits at most 5 s for the index (SearchIndexer::kWaitMs); under the
        // sanitizers indexing 36 MB of text takes longer, so ask again until it has caught up.
        QDeadlineTimer indexing(120000);
        while (!caughtUp(10000).ok() && !indexing.hasExpired()) {
        }
        QVERIFY(caughtUp().ok());
        checkpointer.end();
        QVERIFY2(largestLog <= ccr::test::kLargestLogBytes,
                 qPrintable(ccr::test::logGrowth(largestLog, *m_db->logRestart())));
        QVERIFY(m_db->logRestart()->completed() >= 2);
        QCOMPARE(found(QStringLiteral("zeppelin")), 1); // every text indexed, the last one too
    }

private:
    void startServerSide(bool waitUntilCaughtUp = true)
    {
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_path));
        m_db->enableGroupCommit();
        m_index = std::make_unique<SearchIndex>(*m_db);
        m_indexer = std::make_unique<SearchIndexer>(*m_db, *m_index);
        QVERIFY(m_indexer->start(m_path, Durability::Normal).ok());
        if (waitUntilCaughtUp)
            QVERIFY(caughtUp().ok()); // a new search file is built first
    }

    void stopServerSide()
    {
        m_indexer.reset();
        m_index.reset();
        m_db.reset();
    }

    /** A reply and its text queued, in the caller's transaction. */
    bool addReply(qint64 ticketId, const QString& body)
    {
        SqlStatement message(*m_db);
        if (!message.exec(QStringLiteral("INSERT INTO ticket_messages (ticket_id, kind, author_id, body, created_at)"
                                         " VALUES (?, 'public', 7, ?, 1)"),
                          {ticketId, body}))
            return false;
        return m_index->addMessage(ticketId, message.lastInsertId().toLongLong(), MessageKind::Public).ok();
    }

    /** A reply in a request of its own. */
    bool addInRequest(qint64 ticketId, const QString& body)
    {
        Transaction request(*m_db);
        return addReply(ticketId, body) && request.commit();
    }

    Result<void> caughtUp(int timeoutMs = 3000)
    {
        std::optional<Result<void>> answer;
        m_indexer->whenCaughtUp([&answer](const Result<void>& result) { answer = result; });
        QDeadlineTimer deadline(timeoutMs);
        while (!answer && !deadline.hasExpired())
            QTest::qWait(10);
        return answer ? *answer
                      : Result<void>(ccr::common::Error(ccr::common::ErrorCode::Internal, QStringLiteral("no answer")));
    }

    qint64 found(const QString& words)
    {
        const auto hits = m_index->search(words, TicketScope{}, true, 10, 0);
        return hits ? hits->total : -1;
    }

    /** The search file's vocabulary words among wanted, as the writer's connection reads them. */
    QStringList knownWords(const QStringList& wanted)
    {
        QStringList known;
        for (const auto& word : wanted) {
            SqlStatement lookup(*m_db);
            if (lookup.exec(QStringLiteral("SELECT 1 FROM search_words WHERE word = ?"), {word}) && lookup.next())
                known.append(word);
        }
        return known;
    }

    int queued()
    {
        SqlStatement count(*m_db);
        return count.exec(QStringLiteral("SELECT COUNT(*) FROM search_queue")) && count.next() ? count.value(0).toInt()
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
