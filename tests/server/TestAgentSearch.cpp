#include "store/AgentSearchTable.h"
#include "store/Database.h"
#include "store/SearchIndex.h"
#include "store/SearchIndexWriter.h"
#include "store/SqlStatement.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace ccr::server;

namespace {

constexpr qint64 kCustomer = 7;
constexpr qint64 kAgent = 2;
constexpr qint64 kOtherAgent = 3;
constexpr int kTickets = 240;

const QStringList kWords{QStringLiteral("kettle"),  QStringLiteral("broken"),  QStringLiteral("refund"),
                         QStringLiteral("card"),    QStringLiteral("charged"), QStringLiteral("charger"),
                         QStringLiteral("courier"), QStringLiteral("late"),    QStringLiteral("lid"),
                         QStringLiteral("twice"),   QStringLiteral("Ünder"),   QStringLiteral("err_heat")};

const QStringList kQueries{QStringLiteral("kettle"),         QStringLiteral("card char"),  QStringLiteral("charg"),
                           QStringLiteral("refund broken"),  QStringLiteral("under"),      QStringLiteral("err_he"),
                           QStringLiteral("late courier l"), QStringLiteral("twice card"), QStringLiteral("nothing")};

} // namespace

/**
 * An agent's search reads agent_search (AgentSearchTable), where each word carries its
 * ticket's queue key, instead of checking every candidate's ticket: it must find exactly what
 * the check finds, ranked the same, also after tickets were assigned, deleted and restored.
 * Without internal notes, a search that leaves them out still checks the tickets, so the
 * two are compared on the same index.
 */
class TestAgentSearch final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Database> m_index;
    std::unique_ptr<SearchIndexWriter> m_writer;
    QRandomGenerator m_random{20261122};
    qint64 m_nextMessage = 1;

    QString someWords(int count)
    {
        QStringList words;
        for (int i = 0; i < count; ++i)
            words.append(kWords.at(static_cast<int>(m_random.bounded(kWords.size()))));
        return words.join(QLatin1Char(' '));
    }

    void addReply(qint64 ticketId, bool queue)
    {
        SqlStatement insert(*m_db);
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO ticket_messages (id, ticket_id, kind, author_id, body,"
                                           " created_at) VALUES (?, ?, 'public', ?, ?, 1)"),
                            {m_nextMessage, ticketId, kCustomer, someWords(5)}));
        if (queue)
            QVERIFY(SearchIndex(*m_db).addMessage(ticketId, m_nextMessage, ccr::common::MessageKind::Public).ok());
        ++m_nextMessage;
    }

    /** Both ways of an agent's search give the same page, total and cap for every query. */
    void verifyBothWaysAgree(int candidates)
    {
        const SearchIndex search(*m_db, candidates);
        for (const auto& [agent, unassigned] : {std::pair{kAgent, true}, {kAgent, false}, {kOtherAgent, true}}) {
            TicketScope scope;
            scope.agentId = agent;
            scope.includeUnassigned = unassigned;
            for (const auto& words : kQueries) {
                const auto keyed = search.search(words, scope, true, 50, 0);
                const auto checked = search.search(words, scope, false, 50, 0);
                QVERIFY2(keyed.ok() && checked.ok(), qPrintable(words));
                const QString what = QStringLiteral("%1 as agent %2%3: %4 vs %5")
                                         .arg(words)
                                         .arg(agent)
                                         .arg(unassigned ? QStringLiteral(" with the unassigned") : QString())
                                         .arg(keyed->total)
                                         .arg(checked->total);
                QVERIFY2(keyed->ticketIds == checked->ticketIds, qPrintable(what));
                QVERIFY2(keyed->total == checked->total && keyed->capped == checked->capped, qPrintable(what));
            }
        }
    }

    qint64 count(const QString& sql)
    {
        SqlStatement query(*m_db);
        return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("agents-%1.db").arg(m_nextMessage));
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_path).ok());
        SqlStatement insert(*m_db);
        for (const auto& [id, role] : {std::pair{kCustomer, "customer"}, {kAgent, "agent"}, {kOtherAgent, "agent"}})
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO users (id, email, display_name, role, state,"
                                               " password_hash, created_at) VALUES (?, ?, 'U', ?, 'active', 'x', 1)"),
                                {id, QStringLiteral("u%1@example.com").arg(id), QString::fromLatin1(role)}));
        // A third each: the agent's, the other agent's, unassigned; every 25th deleted.
        for (int i = 1; i <= kTickets; ++i) {
            const QVariant agent = i % 3 == 0 ? QVariant() : QVariant(i % 3 == 1 ? kAgent : kOtherAgent);
            QVERIFY(insert.exec(
                QStringLiteral("INSERT INTO tickets (id, customer_id, agent_id, category_id, priority,"
                               " status, subject, description, created_at, updated_at, deleted_at)"
                               " VALUES (?, ?, ?, 1, 1, 1, ?, ?, ?, ?, ?)"),
                {i, kCustomer, agent, someWords(2), someWords(8), i, i, i % 25 == 0 ? QVariant(i) : QVariant()}));
            if (i % 4 == 0)
                addReply(i, false);
        }
        m_index = std::make_unique<Database>();
        QVERIFY(m_index->openSearchIndex(m_path).ok());
        m_writer = std::make_unique<SearchIndexWriter>(*m_index);
        QVERIFY(m_writer->rebuild({}, {}, SearchIndexWriter::Resume::Never).ok());
    }

    void cleanup()
    {
        m_writer.reset();
        m_index.reset();
        m_db.reset();
    }

    void eachTextCarriesItsTicketsQueueKey()
    {
        QCOMPARE(AgentSearchTable::keyFor(kAgent, false), QStringLiteral("a2z"));
        QCOMPARE(AgentSearchTable::keyFor(0, false), QStringLiteral("uz"));
        QCOMPARE(AgentSearchTable::keyFor(kAgent, true), QStringLiteral("dz"));
        // Every live text of the agent's tickets holding "kettle", and only those.
        QCOMPARE(
            count(QStringLiteral("SELECT COUNT(*) FROM agent_search WHERE agent_search MATCH 'a2zkettle'")),
            count(QStringLiteral("SELECT COUNT(*) FROM ticket_search JOIN tickets t ON t.id = ticket_search.rowid >> 32"
                                 " WHERE ticket_search MATCH 'kettle' AND t.agent_id = 2"
                                 " AND t.deleted_at IS NULL")));
        QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM agent_search WHERE agent_search MATCH 'a2zkettle'")) > 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM agent_keys")), qint64{kTickets});
    }

    void anAgentsSearchFindsWhatCheckingEachTicketFinds()
    {
        verifyBothWaysAgree(SearchIndex::kDefaultCandidates);
        verifyBothWaysAgree(12); // capped: the same newest candidates
    }

    void assignedDeletedAndRestoredTicketsMoveWithTheirTexts()
    {
        // Rounds of changes as the server queues them: replies before and after the move,
        // a ticket moved twice in one round, deletes and restores.
        for (int round = 0; round < 6; ++round) {
            for (int change = 0; change < 25; ++change) {
                const qint64 ticket = 1 + m_random.bounded(kTickets);
                if (change % 3 == 0)
                    addReply(ticket, true);
                SqlStatement update(*m_db);
                switch (m_random.bounded(4)) {
                case 0:
                    QVERIFY(update.exec(QStringLiteral("UPDATE tickets SET agent_id = ? WHERE id = ?"),
                                        {m_random.bounded(2) == 0 ? kAgent : kOtherAgent, ticket}));
                    break;
                case 1:
                    QVERIFY(update.exec(QStringLiteral("UPDATE tickets SET deleted_at = 5 WHERE id = ?"), {ticket}));
                    break;
                case 2:
                    QVERIFY(update.exec(QStringLiteral("UPDATE tickets SET deleted_at = NULL WHERE id = ?"), {ticket}));
                    break;
                default:
                    QVERIFY(update.exec(QStringLiteral("UPDATE tickets SET agent_id = NULL WHERE id = ?"), {ticket}));
                    break;
                }
                QVERIFY(SearchIndex(*m_db).addScopeChange(ticket).ok());
                if (change % 3 == 1)
                    addReply(ticket, true);
            }
            const qint64 before = m_writer->state()->indexedUpTo;
            const auto indexed = m_writer->indexQueued(5000);
            QVERIFY2(indexed.ok(), qPrintable(indexed.error().message));
            QVERIFY(!indexed->more);
            verifyBothWaysAgree(SearchIndex::kDefaultCandidates);
            verifyBothWaysAgree(12);
            // The same round again, as after a crash that lost its mark, changes nothing.
            SqlStatement rewind(*m_index);
            QVERIFY(rewind.exec(QStringLiteral("UPDATE main.search_state SET value = ? WHERE key = 'indexed_up_to'"),
                                {before}));
            QCOMPARE(m_writer->indexQueued(5000)->indexedUpTo, indexed->indexedUpTo);
            verifyBothWaysAgree(SearchIndex::kDefaultCandidates);
        }
    }

    void anAgentsSearchReadsOnlyTheKeyedTable()
    {
        // Without agent_search an agent's search fails, while one checking each ticket works:
        // the keyed table is what answers it.
        SqlStatement drop(*m_index);
        QVERIFY(drop.exec(QStringLiteral("DROP TABLE main.agent_search")));
        TicketScope scope;
        scope.agentId = kAgent;
        const SearchIndex search(*m_db);
        QVERIFY(!search.search(QStringLiteral("kettle"), scope, true, 10, 0).ok());
        QVERIFY(search.search(QStringLiteral("kettle"), scope, false, 10, 0).ok());
    }

    void aFileWithoutTheKeyedTableIsRebuilt()
    {
        QVERIFY(m_writer->fitsTheQueue().value());
        SqlStatement forget(*m_index);
        QVERIFY(forget.exec(QStringLiteral("DELETE FROM main.search_state WHERE key = 'agents'")));
        QVERIFY(!m_writer->fitsTheQueue().value());
    }

    void aFileAnOlderServerIndexedIntoIsRebuilt()
    {
        addReply(1, true);
        QVERIFY(m_writer->indexQueued(5000).ok());
        QVERIFY(m_writer->fitsTheQueue().value());
        // A server from before agent_search moves indexed_up_to only: its texts are not in agent_search.
        SqlStatement older(*m_index);
        QVERIFY(
            older.exec(QStringLiteral("UPDATE main.search_state SET value = value - 1 WHERE key = 'agents_up_to'")));
        QVERIFY(!m_writer->fitsTheQueue().value());
    }
};

QTEST_GUILESS_MAIN(TestAgentSearch)
#include "TestAgentSearch.moc"
