#include "TicketListPlan.h"

#include "SqlStatement.h"
#include "SqlValues.h"

#include <QHash>

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
    template <typename List> qint64 sumOf(const QString& dimension, const List& keys) const
    {
        qint64 sum = 0;
        for (const auto key : keys)
            sum += count(dimension, static_cast<qint64>(key));
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
                                                      const TicketScope& scope)
{
    TicketListPlan plan;
    // The tallies count live tickets only, and know nothing of customers or dates: a
    // customer's list has its own index, which SQLite picks.
    if (scope.includeDeleted || scope.customerId || params.customerId > 0 || params.createdFrom.isValid() ||
        params.createdTo.isValid())
        return plan;

    SqlStatement query(database);
    if (!query.exec(QStringLiteral("SELECT dimension, key, count FROM ticket_tallies"), {}))
        return SqlValues::failure(query.query(), QStringLiteral("The ticket store could not complete the request."));
    Tallies tallies;
    while (query.next())
        tallies.byDimension[query.value(0).toString()][query.value(1).toLongLong()] = query.value(2).toLongLong();

    const qint64 live = tallies.live();
    const QString agent = QStringLiteral("agent");
    // The scope's tickets; then the filters, each as a share of the live tickets (taken as
    // independent of each other, which only steers the choice of plan).
    qint64 inScope = live;
    if (scope.agentId)
        inScope = tallies.count(agent, *scope.agentId) + (scope.includeUnassigned ? tallies.count(agent, 0) : 0);
    double expected = static_cast<double>(inScope);
    int filters = 0;
    std::optional<qint64> filtered;
    auto narrow = [&](qint64 matching) {
        ++filters;
        filtered = matching;
        expected *= live > 0 ? static_cast<double>(matching) / static_cast<double>(live) : 0.0;
    };
    if (!params.statuses.isEmpty())
        narrow(tallies.sumOf(QStringLiteral("status"), params.statuses));
    if (!params.priorities.isEmpty())
        narrow(tallies.sumOf(QStringLiteral("priority"), params.priorities));
    if (!params.categoryIds.isEmpty())
        narrow(tallies.sumOf(QStringLiteral("category"), params.categoryIds));
    if (params.unassignedOnly)
        narrow(tallies.count(agent, 0));
    else if (params.agentId > 0)
        narrow(tallies.count(agent, params.agentId));

    if (filters == 0)
        plan.m_talliedTotal = inScope;
    else if (filters == 1 && !scope.agentId)
        plan.m_talliedTotal = filtered;
    // Rows walked for a page: the page over the share of the live tickets that match.
    const double walked = expected > 0 ? (params.limit + 1) * static_cast<double>(live) / expected : kMaxWalk + 1;
    plan.m_walk = hasSortIndex(params.sort) && walked <= kMaxWalk;
    return plan;
}

} // namespace ccr::server
