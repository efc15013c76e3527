#include "QueryPlan.h"
#include "store/Database.h"
#include "store/SqlStatement.h"
#include "store/TicketListPlan.h"
#include "store/TicketQueryParts.h"
#include "store/TicketStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ccr::server;
using ccr::common::ListTicketsParams;
using ccr::common::TicketStatus;

Q_DECLARE_METATYPE(ccr::server::TicketScope)
Q_DECLARE_METATYPE(ccr::common::ListTicketsParams)

namespace {

constexpr qint64 kAgent = 2;
constexpr qint64 kOtherAgent = 3;
constexpr int kTickets = 300;

TicketScope agentScope()
{
    TicketScope scope;
    scope.agentId = kAgent;
    scope.includeUnassigned = true;
    return scope;
}

} // namespace

/**
 * TicketStore::list() reads a staff page by walking the sort column's index when the tallies
 * say that many tickets match, else through the scope's index ranges; totals come from the
 * tallies when they hold them. Either way a page is the same as a plain query's.
 */
class TestTicketListPlan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_dir.filePath(QStringLiteral("lists-%1.db").arg(++m_counter))).ok());
        SqlStatement insert(*m_db);
        for (const auto& [id, role] : {std::pair{7, "customer"}, {2, "agent"}, {3, "agent"}})
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO users (id, email, display_name, role, state,"
                                               " password_hash, created_at) VALUES (?, ?, 'U', ?, 'active', 'x', 1)"),
                                {id, QStringLiteral("u%1@example.com").arg(id), QString::fromLatin1(role)}));
        // A third each: the agent's, the other agent's, unassigned; updated_at repeats in
        // pairs, so pages break ties by id; every 25th ticket deleted.
        for (int i = 1; i <= kTickets; ++i) {
            const QVariant agent = i % 3 == 0 ? QVariant() : QVariant(i % 3 == 1 ? kAgent : kOtherAgent);
            const int status = agent.isNull() ? 0 : (i % 7 == 0 ? 2 : 1);
            const QVariant deletedAt = i % 25 == 0 ? QVariant(i) : QVariant();
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO tickets (id, customer_id, agent_id, category_id, priority,"
                                               " status, subject, description, created_at, updated_at, deleted_at)"
                                               " VALUES (?, 7, ?, 1 + ? % 5, ? % 4, ?, 's', 'd', ?, ?, ?)"),
                                {i, agent, i, i, status, i, i / 2, deletedAt}));
        }
    }

    void cleanup() { m_db.reset(); }

    void aQueueWithManyMatchesWalksTheSortIndex()
    {
        ListTicketsParams params;
        params.limit = 20;
        const auto plan = TicketListPlan::decide(*m_db, params, agentScope());
        QVERIFY(plan.ok());
        QVERIFY(plan->walksSortIndex());
        QCOMPARE(plan->talliedTotal(), std::optional<qint64>(counted(QStringLiteral(
                                           "deleted_at IS NULL AND (agent_id = 2 OR agent_id IS NULL)"))));

        // The page query as list() makes it: the scope only filters rows read newest first.
        TicketQueryParts parts;
        parts.addScope(agentScope(), plan->pageScope());
        QVariantList values = parts.values;
        values.append(21);
        const QString text = ccr::test::queryPlan(
            *m_db, kTicketSelect + parts.where() + QStringLiteral(" ORDER BY t.updated_at DESC, t.id DESC LIMIT ?"),
            values);
        QVERIFY2(text.contains(QLatin1String("tickets_updated")) && !text.contains(QLatin1String("TEMP B-TREE")),
                 qPrintable(text));
    }

    void aRareFilterKeepsTheScopesIndexRanges()
    {
        ListTicketsParams params;
        params.statuses = {TicketStatus::Resolved}; // none in the tallies: a walk would read everything
        const auto plan = TicketListPlan::decide(*m_db, params, agentScope());
        QVERIFY(plan.ok());
        QVERIFY(!plan->walksSortIndex());
        QVERIFY(!plan->talliedTotal()); // no tally holds an agent's tickets by status
        params.statuses.clear();
        params.sort = QStringLiteral("priority"); // no index to walk
        QVERIFY(!TicketListPlan::decide(*m_db, params, agentScope())->walksSortIndex());
    }

    void theTalliesGiveTheTotalsTheyHoldExactly()
    {
        ListTicketsParams params;
        QCOMPARE(TicketListPlan::decide(*m_db, params, {})->talliedTotal(),
                 std::optional<qint64>(counted(QStringLiteral("deleted_at IS NULL"))));
        params.statuses = {TicketStatus::New, TicketStatus::InProgress};
        QCOMPARE(TicketListPlan::decide(*m_db, params, {})->talliedTotal(),
                 std::optional<qint64>(counted(QStringLiteral("deleted_at IS NULL AND status IN (0, 2)"))));
        params.statuses.clear();
        params.unassignedOnly = true;
        QCOMPARE(TicketListPlan::decide(*m_db, params, {})->talliedTotal(),
                 std::optional<qint64>(counted(QStringLiteral("deleted_at IS NULL AND agent_id IS NULL"))));
        params.priorities = {ccr::common::TicketPriority::High}; // two filters: counted, not tallied
        QVERIFY(!TicketListPlan::decide(*m_db, params, {})->talliedTotal());
        TicketScope withDeleted;
        withDeleted.includeDeleted = true; // the tallies hold live tickets only
        QVERIFY(!TicketListPlan::decide(*m_db, {}, withDeleted)->talliedTotal());
        TicketScope customer;
        customer.customerId = 7;
        QVERIFY(!TicketListPlan::decide(*m_db, {}, customer)->walksSortIndex());
    }

    void everyPageHoldsWhatAPlainQueryReads_data()
    {
        QTest::addColumn<TicketScope>("scope");
        QTest::addColumn<ListTicketsParams>("params");
        QTest::addColumn<QString>("where");
        QTest::addColumn<bool>("walks");
        ListTicketsParams newest;
        newest.limit = 7;
        QTest::newRow("agent") << agentScope() << newest << QStringLiteral("(agent_id = 2 OR agent_id IS NULL)")
                               << true;
        ListTicketsParams inProgress = newest;
        inProgress.statuses = {TicketStatus::InProgress};
        QTest::newRow("agent, in progress")
            << agentScope() << inProgress << QStringLiteral("(agent_id = 2 OR agent_id IS NULL) AND status = 2")
            << true;
        // Three filters that the tallies say leave about one ticket: a walk would read them all.
        ListTicketsParams rare;
        rare.statuses = {TicketStatus::InProgress};
        rare.priorities = {ccr::common::TicketPriority::Urgent};
        rare.categoryIds = {3};
        QTest::newRow("agent, rare") << agentScope() << rare
                                     << QStringLiteral("(agent_id = 2 OR agent_id IS NULL) AND status = 2 AND"
                                                       " priority = 3 AND category_id = 3")
                                     << false;
        ListTicketsParams oldest = newest;
        oldest.sort = QStringLiteral("created");
        oldest.ascending = true;
        QTest::newRow("desk, oldest first") << TicketScope{} << oldest << QStringLiteral("1") << true;
        ListTicketsParams unassigned = newest;
        unassigned.unassignedOnly = true;
        QTest::newRow("desk, unassigned") << TicketScope{} << unassigned << QStringLiteral("agent_id IS NULL") << true;
    }

    void everyPageHoldsWhatAPlainQueryReads()
    {
        QFETCH(TicketScope, scope);
        QFETCH(ListTicketsParams, params);
        QFETCH(QString, where);
        QFETCH(bool, walks);
        QCOMPARE(TicketListPlan::decide(*m_db, params, scope)->walksSortIndex(), walks);
        const QString order = params.sort == QLatin1String("created") ? QStringLiteral("created_at ASC, id ASC")
                                                                      : QStringLiteral("updated_at DESC, id DESC");
        SqlStatement expected(*m_db);
        QVERIFY(expected.exec(QStringLiteral("SELECT id FROM tickets WHERE deleted_at IS NULL AND ") + where +
                                  QStringLiteral(" ORDER BY ") + order,
                              {}));
        QList<qint64> ids;
        while (expected.next())
            ids.append(expected.value(0).toLongLong());
        QVERIFY(!ids.isEmpty());

        TicketStore store(*m_db);
        QList<qint64> paged;
        do {
            const auto page = store.list(params, scope);
            QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
            QCOMPARE(page->total, ids.size());
            for (const auto& ticket : page->tickets)
                paged.append(ticket.id);
            params.cursor = page->nextCursor;
        } while (!params.cursor.isEmpty());
        QCOMPARE(paged, ids);
    }

private:
    qint64 counted(const QString& where)
    {
        SqlStatement count(*m_db);
        if (!count.exec(QStringLiteral("SELECT COUNT(*) FROM tickets WHERE ") + where, {}) || !count.next())
            return -1;
        return count.value(0).toLongLong();
    }

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<Database> m_db;
};

QTEST_GUILESS_MAIN(TestTicketListPlan)
#include "TestTicketListPlan.moc"
