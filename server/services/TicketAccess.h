#pragma once

#include "Caller.h"
#include "TicketPolicy.h"
#include "common/tickets/TicketInfo.h"
#include "store/TicketScope.h"

namespace ccr::server::TicketAccess {

/**
 * Who may see and work on which ticket, per the design's permission table: customers their
 * own tickets, agents those assigned to them (and, if allowed, read the unassigned pool),
 * admins everything, soft-deleted tickets included.
 */
TicketScope scopeFor(const Caller& caller, const TicketPolicy& policy, bool includeDeleted = false);
bool canSee(const common::TicketInfo& ticket, const Caller& caller, const TicketPolicy& policy);
/** Reply, add notes, change status: the assigned agent or an admin. */
bool canWork(const common::TicketInfo& ticket, const Caller& caller);
/** Internal notes and their files. */
bool seesInternal(const Caller& caller);

} // namespace ccr::server::TicketAccess
