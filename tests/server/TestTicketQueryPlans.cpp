#include "store/Database.h"
#include "store/SqlStatement.h"
#include "store/TicketQueryParts.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ccr::server;

namespace {

/** SQLite's plan for a statement, one line per step. */
QStringList planOf(Database& db, const QString& sql, const QVariantList& values)
{
    SqlStatement explain(db);
    QStringList steps;
    if (!explain.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql, values))
        return {explain.lastError().text()};
    while (explain.next())
        steps.append(explain.value(3).toString());
    return steps;
}

} // namespace

/** Tickets found by id are read by id, whatever the caller's scope says, and scope checks read only the index. */
class TestTicketQueryPlans final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ticketsFoundByIdAreNotReadThroughTheAgentIndex()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("plans.db"))).ok());
        TicketScope agent;
        agent.agentId = 2;
        agent.includeUnassigned = true;
        // A page of 20 hits: without statistics SQLite rates 20 lookups by id no cheaper than
        // the agent index's two ranges, which at a million tickets hold hundreds of thousands.
        QStringList marks;
        QVariantList ids;
        for (int id = 1; id <= 20; ++id) {
            marks.append(QStringLiteral("?"));
            ids.append(id);
        }
        const QString byIds = QStringLiteral("t.id IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');

        TicketQueryParts filter;
        filter.addScope(agent, TicketQueryParts::ScopeUse::FilterOnly);
        filter.add(byIds, ids);
        const QString plan = planOf(db, kTicketSelect + filter.where(), filter.values).join(QLatin1Char('\n'));
        QVERIFY2(plan.contains(QLatin1String("SEARCH t USING INTEGER PRIMARY KEY")), qPrintable(plan));
        QVERIFY2(!plan.contains(QLatin1String("tickets_agent")), qPrintable(plan));
    }

    void aSearchChecksItsCandidatesScopeFromTheIndexAlone()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("plans.db"))).ok());
        TicketScope agent;
        agent.agentId = 2;
        agent.includeUnassigned = true;
        TicketScope customer;
        customer.customerId = 7;
        for (const TicketScope& scope : {agent, customer}) {
            // As the search queries join it: one candidate by id, only its scope checked.
            TicketQueryParts check;
            check.add(QStringLiteral("t.id = ?"), {42});
            check.addScope(scope, TicketQueryParts::ScopeUse::FilterOnly);
            const QString plan =
                planOf(db, QStringLiteral("SELECT 1 FROM ") + TicketQueryParts::ticketsForScope(scope) + check.where(),
                       check.values)
                    .join(QLatin1Char('\n'));
            // Not covering, each candidate's table row was read too (schema 10's index).
            QVERIFY2(plan.contains(QLatin1String("USING COVERING INDEX tickets_scope")), qPrintable(plan));
        }
    }
};

QTEST_GUILESS_MAIN(TestTicketQueryPlans)
#include "TestTicketQueryPlans.moc"
