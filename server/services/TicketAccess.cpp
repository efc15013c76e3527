#include "TicketAccess.h"

namespace ccr::server::TicketAccess {

using common::Role;

TicketScope scopeFor(const Caller& caller, const TicketPolicy& policy, bool includeDeleted)
{
    TicketScope scope;
    switch (caller.role) {
    case Role::Customer:
        scope.customerId = caller.userId;
        break;
    case Role::Agent:
        scope.agentId = caller.userId;
        scope.includeUnassigned = policy.agentsSeeUnassigned;
        break;
    case Role::Admin:
        scope.includeDeleted = includeDeleted;
        break;
    }
    return scope;
}

bool canSee(const common::TicketInfo& ticket, const Caller& caller, const TicketPolicy& policy)
{
    if (ticket.deleted)
        return caller.role == Role::Admin;
    switch (caller.role) {
    case Role::Customer:
        return ticket.customerId == caller.userId;
    case Role::Agent:
        return ticket.agentId == caller.userId || (ticket.agentId == 0 && policy.agentsSeeUnassigned);
    case Role::Admin:
        return true;
    }
    return false;
}

bool canWork(const common::TicketInfo& ticket, const Caller& caller)
{
    if (ticket.deleted)
        return false;
    return caller.role == Role::Admin || (caller.role == Role::Agent && ticket.agentId == caller.userId);
}

bool seesInternal(const Caller& caller)
{
    return caller.isStaff();
}

} // namespace ccr::server::TicketAccess
