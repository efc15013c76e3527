#pragma once

#include <QtGlobal>
#include <optional>

namespace ccr::server {

/**
 * Which tickets a query may return, decided by the services from the caller's role and
 * applied by the store in SQL: a customer's own, an agent's assigned (and maybe the
 * unassigned pool), or all.
 */
struct TicketScope
{
    std::optional<qint64> customerId;
    std::optional<qint64> agentId;
    bool includeUnassigned = false;
    bool includeDeleted = false;
};

} // namespace ccr::server
