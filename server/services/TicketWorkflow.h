#pragma once

#include "Caller.h"
#include "common/Result.h"
#include "common/TicketStatus.h"
#include "common/tickets/TicketInfo.h"

namespace ccr::server::TicketWorkflow {

/**
 * The workflow of the design sketch:
 *   new → assigned → in_progress ↔ waiting_on_customer → resolved → closed,
 *   reopen (resolved → in_progress) by the customer or staff; closed is final.
 * Moving to resolved needs a resolution note (tickets.resolve); assigning is its own action.
 */
common::Result<void> checkStatusChange(const common::TicketInfo& ticket, common::TicketStatus to, const Caller& caller);
common::Result<void> checkResolve(const common::TicketInfo& ticket);
common::Result<void> checkAssign(const common::TicketInfo& ticket);

/** The status after a public reply or note, or an error (closed tickets take no replies). */
common::Result<common::TicketStatus> statusAfterReply(const common::TicketInfo& ticket, const Caller& caller,
                                                      bool internal);

} // namespace ccr::server::TicketWorkflow
