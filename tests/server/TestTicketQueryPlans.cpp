#include "QueryPlan.h"
#include "store/Database.h"
#include "store/SqlStatement.h"
#include "store/TicketQueryParts.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ccr::server;

namespace {

TicketScope agentScope()
{
    TicketScope agent;
    agent.agentId = 2;
    agent.includeUnassigned = true;
    return agent;
}

} // namespace

/** Tickets found by id are read by id, whatever the caller's scope says, and scope checks read only the index. */
class TestTicketQueryPlans final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_dir.filePath(QStringLiteral("plans-%1.db").arg(++m_counter))).ok());
    }

    void cleanup() { m_db.reset(); }

    void ticketsFoundByIdAreNotReadThroughTheAgentIndex()
    {
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
        filter.addScope(agentScope(), TicketQueryParts::ScopeUse::FilterOnly);
        filter.add(byIds, ids);
        const QString plan = ccr::test::queryPlan(*m_db, kTicketSelect + filter.where(), filter.values);
        QVERIFY2(plan.contains(QLatin1String("SEARCH t USING INTEGER PRIMARY KEY")), qPrintable(plan));
        QVERIFY2(!plan.contains(QLatin1String("tickets_agent")), qPrintable(plan));
    }

    void aSearchChecksItsCandidatesScopeFromTheIndexAlone()
    {
        TicketScope customer;
        customer.customerId = 7;
        for (const TicketScope& scope : {agentScope(), customer}) {
            // As the search queries join it: one candidate by id, only its scope checked.
            TicketQueryParts check;
            check.add(QStringLiteral("t.id = ?"), {42});
            check.addScope(scope, TicketQueryParts::ScopeUse::FilterOnly);
            const QString plan = ccr::test::queryPlan(
                *m_db, QStringLiteral("SELECT 1 FROM ") + TicketQueryParts::ticketsForScope(scope) + check.where(),
                check.values);
            // Not covering, each candidate's table row was read too (schema 10's index).
            QVERIFY2(plan.contains(QLatin1String("USING COVERING INDEX tickets_scope")), qPrintable(plan));
        }
    }

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<Database> m_db;
};

QTEST_GUILESS_MAIN(TestTicketQueryPlans)
#include "TestTicketQueryPlans.moc"
