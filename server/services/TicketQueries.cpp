#include "TicketQueries.h"

#include "TicketAccess.h"
#include "TicketStores.h"
#include "common/TicketNumber.h"

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

constexpr int kMaxSearchResults = 200;

} // namespace

common::Result<common::TicketInfo> TicketQueries::visibleTicket(const Caller& caller,
                                                                const common::TicketRef& ref) const
{
    const qint64 id = ref.ticketId > 0 ? ref.ticketId : common::TicketNumber::parse(ref.number);
    if (id <= 0)
        return Error(ErrorCode::InvalidParams, QStringLiteral("Name the ticket by ticketId or number."));
    const auto ticket = m_stores.tickets.find(id);
    if (!ticket || !TicketAccess::canSee(*ticket, caller, m_policy))
        return Error(ErrorCode::NotFound,
                     QStringLiteral("There is no ticket %1 that you can see.").arg(common::TicketNumber::format(id)));
    return *ticket;
}

common::Result<common::TicketDetail> TicketQueries::get(const Caller& caller, const common::TicketRef& ref) const
{
    auto ticket = visibleTicket(caller, ref);
    if (!ticket)
        return ticket.error();
    const bool internal = TicketAccess::seesInternal(caller);
    auto messages = m_stores.messages.list(ticket->id, internal);
    if (!messages)
        return messages.error();
    auto attachments = m_stores.attachments.listForTicket(ticket->id, internal);
    if (!attachments)
        return attachments.error();

    common::TicketDetail detail{ticket.value(), messages.value(), {}};
    for (const auto& attachment : attachments.value()) {
        if (attachment.messageId == 0) {
            detail.attachments.append(attachment);
            continue;
        }
        for (auto& message : detail.messages) {
            if (message.id == attachment.messageId)
                message.attachments.append(attachment);
        }
    }
    return detail;
}

common::Result<common::TicketPage> TicketQueries::list(const Caller& caller,
                                                       const common::ListTicketsParams& params) const
{
    if (params.includeDeleted && caller.role != common::Role::Admin)
        return Error(ErrorCode::PermissionDenied, QStringLiteral("Only admins see deleted tickets."));
    return m_stores.tickets.list(params, TicketAccess::scopeFor(caller, m_policy, params.includeDeleted));
}

common::Result<common::TicketPage> TicketQueries::search(const Caller& caller,
                                                         const common::SearchTicketsParams& params) const
{
    if (params.limit < 1 || params.limit > kMaxSearchResults || params.offset < 0)
        return Error(ErrorCode::InvalidParams,
                     QStringLiteral("limit must be from 1 to %1 and offset not negative.").arg(kMaxSearchResults));
    const auto scope = TicketAccess::scopeFor(caller, m_policy);
    auto hits =
        m_stores.search.search(params.query, scope, TicketAccess::seesInternal(caller), params.limit, params.offset);
    if (!hits)
        return hits.error();
    auto tickets = m_stores.tickets.findMany(hits->ticketIds, scope);
    if (!tickets)
        return tickets.error();
    common::TicketPage page{tickets.value(), hits->total, {}, hits->capped};
    if (params.offset + hits->ticketIds.size() < hits->total)
        page.nextCursor = QString::number(params.offset + hits->ticketIds.size());
    return page;
}

common::Result<common::TicketHistory> TicketQueries::history(const Caller& caller, const common::TicketRef& ref) const
{
    auto ticket = visibleTicket(caller, ref);
    if (!ticket)
        return ticket.error();
    auto events = m_stores.events.list(ticket->id, TicketAccess::seesInternal(caller));
    if (!events)
        return events.error();
    return common::TicketHistory{events.value()};
}

common::Result<common::TicketCounts> TicketQueries::counts(const Caller& caller) const
{
    return m_stores.tickets.counts(TicketAccess::scopeFor(caller, m_policy));
}

common::Result<common::AgentLoadList> TicketQueries::agentLoad() const
{
    auto agents = m_stores.users.list(common::Role::Agent, common::UserState::Active);
    if (!agents)
        return agents.error();
    auto load = m_stores.tickets.openLoadByAgent();
    if (!load)
        return load.error();
    common::AgentLoadList list;
    for (const auto& agent : agents.value())
        list.agents.append({agent.toUserInfo(), load->value(agent.id)});
    return list;
}

} // namespace ccr::server
