#pragma once

#include "Caller.h"
#include "TicketPolicy.h"
#include "common/Result.h"
#include "common/tickets/AgentLoadList.h"
#include "common/tickets/ListTicketsParams.h"
#include "common/tickets/SearchTicketsParams.h"
#include "common/tickets/TicketCounts.h"
#include "common/tickets/TicketDetail.h"
#include "common/tickets/TicketHistory.h"
#include "common/tickets/TicketPage.h"
#include "common/tickets/TicketRef.h"

namespace ccr::server {

struct TicketStores;

/** The read side of tickets, always filtered to what the caller may see. */
class TicketQueries final
{
public:
    TicketQueries(TicketStores& stores, const TicketPolicy& policy) : m_stores(stores), m_policy(policy) {}

    /** The ticket if the caller may see it; NotFound otherwise, so ids and numbers reveal nothing. */
    common::Result<common::TicketInfo> visibleTicket(const Caller& caller, const common::TicketRef& ref) const;

    common::Result<common::TicketDetail> get(const Caller& caller, const common::TicketRef& ref) const;
    common::Result<common::TicketPage> list(const Caller& caller, const common::ListTicketsParams& params) const;
    common::Result<common::TicketPage> search(const Caller& caller, const common::SearchTicketsParams& params) const;
    common::Result<common::TicketHistory> history(const Caller& caller, const common::TicketRef& ref) const;
    common::Result<common::TicketCounts> counts(const Caller& caller) const;
    common::Result<common::AgentLoadList> agentLoad() const;

private:
    TicketStores& m_stores;
    const TicketPolicy& m_policy;
};

} // namespace ccr::server
