#pragma once

#include <QString>

namespace ccr::common {

/** Workflow states in their natural order (the order also sorts lists). */
enum class TicketStatus
{
    New,
    Assigned,
    InProgress,
    WaitingOnCustomer,
    Resolved,
    Closed,
};

/** "new", "assigned", "in_progress", "waiting_on_customer", "resolved", "closed". */
QString wireName(TicketStatus status);
bool fromWireName(const QString& name, TicketStatus& status);

/** Still needs work: not resolved and not closed. */
bool isOpen(TicketStatus status);

} // namespace ccr::common
