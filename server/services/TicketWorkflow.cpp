#include "TicketWorkflow.h"

namespace ccr::server::TicketWorkflow {

using common::Error;
using common::ErrorCode;
using common::TicketStatus;

namespace {

Error refused(TicketStatus from, TicketStatus to)
{
    QCborMap details{{QLatin1String("from"), common::wireName(from)}, {QLatin1String("to"), common::wireName(to)}};
    return Error(ErrorCode::InvalidTransition,
                 QStringLiteral("A ticket cannot go from %1 to %2.").arg(common::wireName(from), common::wireName(to)),
                 details);
}

Error closedIsFinal()
{
    return Error(ErrorCode::InvalidTransition,
                 QStringLiteral("The ticket is closed, which is final. Open a new ticket instead."));
}

} // namespace

common::Result<void> checkStatusChange(const common::TicketInfo& ticket, TicketStatus to, const Caller& caller)
{
    const TicketStatus from = ticket.status;
    if (from == TicketStatus::Closed)
        return closedIsFinal();
    if (to == TicketStatus::Resolved && caller.isStaff())
        return Error(ErrorCode::InvalidTransition,
                     QStringLiteral("Resolve with tickets.resolve and a resolution note."));
    if ((to == TicketStatus::Assigned || to == TicketStatus::New) && caller.role == common::Role::Admin)
        return Error(ErrorCode::InvalidTransition, QStringLiteral("Assignment is changed with tickets.assign."));

    const bool reopenOrConfirm =
        from == TicketStatus::Resolved && (to == TicketStatus::InProgress || to == TicketStatus::Closed);
    if (!caller.isStaff())
        return reopenOrConfirm ? common::Result<void>() : refused(from, to);

    const bool staffMove = (from == TicketStatus::Assigned && to == TicketStatus::InProgress) ||
                           (from == TicketStatus::Assigned && to == TicketStatus::WaitingOnCustomer) ||
                           (from == TicketStatus::InProgress && to == TicketStatus::WaitingOnCustomer) ||
                           (from == TicketStatus::WaitingOnCustomer && to == TicketStatus::InProgress);
    if (staffMove || reopenOrConfirm)
        return {};
    return refused(from, to);
}

common::Result<void> checkResolve(const common::TicketInfo& ticket)
{
    switch (ticket.status) {
    case TicketStatus::Assigned:
    case TicketStatus::InProgress:
    case TicketStatus::WaitingOnCustomer:
        return {};
    case TicketStatus::Closed:
        return closedIsFinal();
    case TicketStatus::New:
    case TicketStatus::Resolved:
        break;
    }
    return refused(ticket.status, TicketStatus::Resolved);
}

common::Result<void> checkAssign(const common::TicketInfo& ticket)
{
    if (ticket.status == TicketStatus::Closed)
        return closedIsFinal();
    return {};
}

common::Result<TicketStatus> statusAfterReply(const common::TicketInfo& ticket, const Caller& caller, bool internal)
{
    if (ticket.status == TicketStatus::Closed)
        return closedIsFinal();
    if (internal)
        return ticket.status;
    if (caller.isStaff())
        return ticket.status == TicketStatus::Assigned ? TicketStatus::InProgress : ticket.status;
    // A customer's reply reopens a resolved ticket and answers a question put to them.
    if (ticket.status == TicketStatus::Resolved || ticket.status == TicketStatus::WaitingOnCustomer)
        return ticket.agentId > 0 ? TicketStatus::InProgress : TicketStatus::New;
    return ticket.status;
}

} // namespace ccr::server::TicketWorkflow
