#pragma once

#include "TicketQueryParts.h"
#include "TicketScope.h"
#include "common/Result.h"
#include "common/tickets/ListTicketsParams.h"

#include <optional>

namespace ccr::server {

class Database;

/**
 * How TicketStore::list() reads a page and its total, decided from ticket_tallies (exact live
 * counts per status, priority, category and agent, kept by triggers).
 *
 * A staff list's scope "own or unassigned" is two ranges of tickets_agent: SQLite read every
 * ticket in both and sorted them for a page of 50 (at a million tickets, 426,000 rows: 0.7 s
 * for an agent's first page, and 0.45 s more to count them). When the tallies say that the
 * filters keep a fair share of the live tickets, the page is read by walking the sort column's
 * index in the sort's order and filtering on the way (kMaxWalk rows at most, expected);
 * otherwise SQLite keeps its index ranges and sort, which is cheap exactly when few tickets
 * match. A total that the tallies hold exactly (no filter but the scope and the agent
 * filters, or one tallied filter for the whole desk) is taken from them instead of counted.
 */
class TicketListPlan final
{
public:
    /** Rows the walk is expected to read for one page, at most; beyond it the ranges are cheaper. */
    static constexpr double kMaxWalk = 5000;

    /** maxWalk other than kMaxWalk is for tests: 0 never walks, a huge value always does where it can. */
    static common::Result<TicketListPlan> decide(Database& database, const common::ListTicketsParams& params,
                                                 const TicketScope& scope, double maxWalk = kMaxWalk);

    /** PickIndex, or FilterOnly when the page is read by walking the sort column's index. */
    TicketQueryParts::ScopeUse pageScope() const
    {
        return m_walk ? TicketQueryParts::ScopeUse::FilterOnly : TicketQueryParts::ScopeUse::PickIndex;
    }
    bool walksSortIndex() const { return m_walk; }
    /** The exact total from the tallies, when they hold it: then no count query is needed. */
    std::optional<qint64> talliedTotal() const { return m_talliedTotal; }

private:
    bool m_walk = false;
    std::optional<qint64> m_talliedTotal;
};

} // namespace ccr::server
