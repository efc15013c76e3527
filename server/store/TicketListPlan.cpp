#include "TicketListPlan.h"

#include "SqlStatement.h"
#include "SqlValues.h"

#include <QHash>
#include <QSet>

namespace ccr::server {

namespace {

/** The live tickets per key of each tallied dimension. */
struct Tallies
{
    QHash<QString, QHash<qint64, qint64>> byDimension;

    qint64 count(const QString& dimension, qint64 key) const { return byDimension.value(dimension).value(key); }
    qint64 live() const
    {
        qint64 sum = 0;
        for (const qint64 count : byDimension.value(QStringLiteral("status")))
            sum += count;
        return sum;
    }
    /** The live tickets with any of the keys, each key once (a repeated filter value matches once in SQL too). */
    template <typename List> qint64 sumOf(const QString& dimension, const List& keys) const
    {
        QSet<qint64> distinct;
        for (const auto key : keys)
            distinct.insert(static_cast<qint64>(key));
        qint64 sum = 0;
        for (const qint64 key : distinct)
            sum += count(dimension, key);
        return sum;
    }
};

/** Sorts whose column has an index to walk: tickets_updated, tickets_created, the row id. */
bool hasSortIndex(const QString& sort)
{
    return sort == QLatin1String("updated") || sort == QLatin1String("created") || sort == QLatin1String("number");
}

} // namespace

common::Result<TicketListPlan> TicketListPlan::decide(Database& database, const common::ListTicketsParams& params,
                                                      const TicketScope& scope, double maxWalk)
{
    TicketListPlan plan;
    // The tallies count live tickets only, and know nothing of customers or dates: a
    // customer's list has its own index, which SQLite picks.
    if (scope.includeDeleted || scope.customerId || params.customerId > 0 || params.createdFrom.isValid() ||
        params.createdTo.isValid())
        return plan;

    SqlStatement query(database);
    const auto failed = [&query] {
        return SqlValues::failure(query.query(), QStringLiteral("The ticket store could not complete the request."));
    };
    if (!query.exec(QStringLiteral("SELECT dimension, key, count FROM ticket_tallies"), {}))
        return failed();
    Tallies tallies;
    while (query.next())
        tallies.byDimension[query.value(0).toString()][query.value(1).toLongLong()] = query.value(2).toLongLong();
    if (query.lastError().isValid())
        return failed(); // a step that failed part-way: the tallies would be incomplete

    const qint64 live = tallies.live();
    // The tickets the scope and the agent filters leave, exactly: both are on the agent column.
    const QString agent = QStringLiteral("agent");
    const auto inScope = [&](qint64 agentKey) {
        if (!scope.agentId)
            return tallies.count(agent, agentKey);
        const bool visible = agentKey == *scope.agentId || (agentKey == 0 && scope.includeUnassigned);
        return visible ? tallies.count(agent, agentKey) : qint64{0};
    };
    qint64 matching = live;
    if (params.unassignedOnly)
        matching = inScope(0);
    else if (params.agentId > 0)
        matching = inScope(params.agentId);
    else if (scope.agentId)
        matching = inScope(*scope.agentId) + inScope(0);
    // The other filters, each as a share of the live tickets (taken as independent of the
    // agent column and of each other, which only steers the choice of plan).
    double expected = static_cast<double>(matching);
    int filters = 0;
    std::optional<qint64> filtered;
    auto narrow = [&](qint64 count) {
        ++filters;
        filtered = count;
        expected *= live > 0 ? static_cast<double>(count) / static_cast<double>(live) : 0.0;
    };
    if (!params.statuses.isEmpty())
        narrow(tallies.sumOf(QStringLiteral("status"), params.statuses));
    if (!params.priorities.isEmpty())
        narrow(tallies.sumOf(QStringLiteral("priority"), params.priorities));
    if (!params.categoryIds.isEmpty())
        narrow(tallies.sumOf(QStringLiteral("category"), params.categoryIds));

    if (filters == 0)
        plan.m_talliedTotal = matching;
    else if (filters == 1 && !scope.agentId && !params.unassignedOnly && params.agentId <= 0)
        plan.m_talliedTotal = filtered;
    // Rows walked for a page: the page over the share of the live tickets that match.
    const double walked = expected > 0 ? (params.limit + 1) * static_cast<double>(live) / expected : maxWalk + 1;
    plan.m_walk = hasSortIndex(params.sort) && walked <= maxWalk;
    return plan;
}

} // namespace ccr::server
