#include "QueryPlan.h"
#include "store/Database.h"
#include "store/SqlStatement.h"
#include "store/TicketListPlan.h"
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
        // The page query list() runs: the scope only filters rows read newest first.
        const QString text = planOf(params, agentScope(), plan.value());
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
        const QString text = planOf(params, agentScope(), plan.value());
        QVERIFY2(text.contains(QLatin1String("tickets_agent")), qPrintable(text));
        params.statuses.clear();
        params.sort = QStringLiteral("priority"); // no index to walk
        QVERIFY(!TicketListPlan::decide(*m_db, params, agentScope())->walksSortIndex());
    }

    void theTalliesGiveTheTotalsTheyHoldExactly()
    {
        const auto talliedTotal = [this](const ListTicketsParams& params, const TicketScope& scope) {
            const auto plan = TicketListPlan::decide(*m_db, params, scope);
            return plan ? plan->talliedTotal() : std::optional<qint64>(-1);
        };
        ListTicketsParams params;
        QCOMPARE(talliedTotal(params, {}), counted(QStringLiteral("deleted_at IS NULL")));
        params.statuses = {TicketStatus::New, TicketStatus::InProgress, TicketStatus::New}; // New once in SQL too
        QCOMPARE(talliedTotal(params, {}), counted(QStringLiteral("deleted_at IS NULL AND status IN (0, 2)")));
        params.statuses.clear();
        params.categoryIds = {3, 99}; // no category 99
        QCOMPARE(talliedTotal(params, {}), counted(QStringLiteral("deleted_at IS NULL AND category_id = 3")));
        params.categoryIds.clear();
        params.unassignedOnly = true;
        QCOMPARE(talliedTotal(params, {}), counted(QStringLiteral("deleted_at IS NULL AND agent_id IS NULL")));
        TicketScope ownOnly;
        ownOnly.agentId = kAgent; // without the unassigned pool: none of its tickets is unassigned
        QCOMPARE(talliedTotal(params, ownOnly), qint64{0});
        params.priorities = {ccr::common::TicketPriority::High}; // a filter beyond the agent column: counted
        QVERIFY(!talliedTotal(params, {}));
        params = {};
        params.agentId = kOtherAgent;
        QCOMPARE(talliedTotal(params, {}), counted(QStringLiteral("deleted_at IS NULL AND agent_id = 3")));
        QCOMPARE(talliedTotal(params, agentScope()), qint64{0}); // another agent's, seen by this one
        TicketScope withDeleted;
        withDeleted.includeDeleted = true; // the tallies hold live tickets only
        QVERIFY(!talliedTotal({}, withDeleted));
        TicketScope customer;
        customer.customerId = 7;
        QVERIFY(!TicketListPlan::decide(*m_db, {}, customer)->walksSortIndex());
    }

    void everyPageHoldsWhatAPlainQueryReads_data()
    {
        QTest::addColumn<TicketScope>("scope");
        QTest::addColumn<ListTicketsParams>("params");
        QTest::addColumn<QString>("where");
        TicketScope ownOnly;
        ownOnly.agentId = kAgent;
        const QString visible = QStringLiteral("(agent_id = 2 OR agent_id IS NULL)");
        ListTicketsParams newest;
        newest.limit = 7;
        QTest::newRow("agent") << agentScope() << newest << visible;
        ListTicketsParams inProgress = newest;
        inProgress.limit = 3;
        inProgress.statuses = {TicketStatus::InProgress, TicketStatus::InProgress};
        QTest::newRow("agent, own, in progress")
            << ownOnly << inProgress << QStringLiteral("agent_id = 2 AND status = 2");
        ListTicketsParams unassigned = newest;
        unassigned.unassignedOnly = true;
        QTest::newRow("agent, own, unassigned") << ownOnly << unassigned << QStringLiteral("0");
        QTest::newRow("desk, unassigned") << TicketScope{} << unassigned << QStringLiteral("agent_id IS NULL");
        ListTicketsParams another = newest;
        another.agentId = kOtherAgent;
        QTest::newRow("desk, another agent") << TicketScope{} << another << QStringLiteral("agent_id = 3");
        // Every sort, both ways; priority and status repeat, so the id breaks the ties.
        const QStringList sorts{QStringLiteral("created"), QStringLiteral("updated"), QStringLiteral("priority"),
                                QStringLiteral("status"), QStringLiteral("number")};
        for (const QString& sort : sorts) {
            for (const bool ascending : {true, false}) {
                ListTicketsParams sorted = newest;
                sorted.limit = 11;
                sorted.sort = sort;
                sorted.ascending = ascending;
                QTest::addRow("agent, %s %s", qPrintable(sort), ascending ? "ascending" : "descending")
                    << agentScope() << sorted << visible;
            }
        }
        ListTicketsParams rare;
        rare.limit = 1;
        rare.statuses = {TicketStatus::Assigned};
        rare.priorities = {ccr::common::TicketPriority::Urgent, ccr::common::TicketPriority::Low};
        rare.categoryIds = {3, 99};
        QTest::newRow("desk, three filters")
            << TicketScope{} << rare << QStringLiteral("status = 1 AND priority IN (0, 3) AND category_id = 3");
    }

    void everyPageHoldsWhatAPlainQueryReads()
    {
        QFETCH(TicketScope, scope);
        QFETCH(ListTicketsParams, params);
        QFETCH(QString, where);
        const QHash<QString, QString> columns{{QStringLiteral("created"), QStringLiteral("created_at")},
                                              {QStringLiteral("updated"), QStringLiteral("updated_at")},
                                              {QStringLiteral("priority"), QStringLiteral("priority")},
                                              {QStringLiteral("status"), QStringLiteral("status")},
                                              {QStringLiteral("number"), QStringLiteral("id")}};
        const QString direction = params.ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
        SqlStatement expected(*m_db);
        QVERIFY(expected.exec(QStringLiteral("SELECT id FROM tickets WHERE deleted_at IS NULL AND ") + where +
                                  QStringLiteral(" ORDER BY ") + columns.value(params.sort) + direction +
                                  QStringLiteral(", id") + direction,
                              {}));
        QList<qint64> ids;
        while (expected.next())
            ids.append(expected.value(0).toLongLong());

        // Both ways of reading, whatever the tallies would choose: never walking, and walking
        // wherever the sort has an index.
        const bool indexed = params.sort != QLatin1String("priority") && params.sort != QLatin1String("status");
        for (const double maxWalk : {0.0, 1e18}) {
            const auto plan = TicketListPlan::decide(*m_db, params, scope, maxWalk);
            QVERIFY(plan.ok());
            QCOMPARE(plan->walksSortIndex(), maxWalk > 0 && indexed);
            TicketStore store(*m_db);
            ListTicketsParams paging = params;
            QList<qint64> paged;
            do {
                if (plan->walksSortIndex()) {
                    // Also from a cursor on: the walk starts there, with no sort of its own.
                    const QString text = planOf(paging, scope, plan.value());
                    QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")), qPrintable(text));
                }
                const auto page = store.list(paging, scope, plan.value());
                QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
                QCOMPARE(page->total, ids.size());
                for (const auto& ticket : page->tickets)
                    paged.append(ticket.id);
                paging.cursor = page->nextCursor;
            } while (!paging.cursor.isEmpty());
            QCOMPARE(paged, ids);
        }
    }

private:
    QString planOf(const ListTicketsParams& params, const TicketScope& scope, const TicketListPlan& plan)
    {
        const auto page = TicketStore::pageQuery(params, scope, plan);
        return page ? ccr::test::queryPlan(*m_db, page->sql, page->values) : page.error().message;
    }

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
