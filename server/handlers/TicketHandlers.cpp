#include "TicketHandlers.h"

#include "common/Protocol.h"
#include "common/tickets/TicketResult.h"
#include "net/Dispatcher.h"
#include "services/TicketCommands.h"
#include "services/TicketQueries.h"
#include "services/TicketRatings.h"

namespace ccr::server::TicketHandlers {

namespace Method = common::Protocol::Method;
using common::Result;
using common::TicketInfo;

namespace {

Result<common::TicketResult> asTicketResult(const Result<TicketInfo>& ticket)
{
    if (!ticket)
        return ticket.error();
    return common::TicketResult{ticket.value()};
}

} // namespace

void registerIn(Dispatcher& dispatcher, TicketQueries& queries, TicketCommands& commands, TicketRatings& ratings)
{
    dispatcher.addTyped<common::CreateTicketParams>(
        Method::CreateTicket, [&commands](const CallContext& call, const auto& params, const Responder& out) {
            out.send(asTicketResult(commands.create(call.caller, params)));
        });
    dispatcher.addTyped<common::TicketRef>(Method::GetTicket,
                                           [&queries](const CallContext& call, const auto& ref, const Responder& out) {
                                               out.send(queries.get(call.caller, ref));
                                           });
    dispatcher.addTyped<common::ListTicketsParams>(
        Method::ListTickets, [&queries](const CallContext& call, const auto& params, const Responder& out) {
            out.send(queries.list(call.caller, params));
        });
    dispatcher.addTyped<common::SearchTicketsParams>(
        Method::SearchTickets, [&queries](const CallContext& call, const auto& params, const Responder& out) {
            out.send(queries.search(call.caller, params));
        });
    dispatcher.addTyped<common::ReplyParams>(
        Method::Reply, [&commands](const CallContext& call, const auto& params, const Responder& out) {
            out.send(commands.reply(call.caller, params));
        });
    dispatcher.addTyped<common::SetStatusParams>(
        Method::SetStatus, [&commands](const CallContext& call, const auto& params, const Responder& out) {
            out.send(asTicketResult(commands.setStatus(call.caller, params)));
        });
    dispatcher.addTyped<common::ResolveParams>(
        Method::Resolve, [&commands](const CallContext& call, const auto& params, const Responder& out) {
            out.send(asTicketResult(commands.resolve(call.caller, params)));
        });
    dispatcher.addTyped<common::RateTicketParams>(
        Method::RateTicket, [&ratings](const CallContext& call, const auto& params, const Responder& out) {
            out.send(asTicketResult(ratings.rate(call.caller, params)));
        });
    dispatcher.addTyped<common::AssignParams>(
        Method::Assign, [&commands](const CallContext& call, const auto& params, const Responder& out) {
            out.send(asTicketResult(commands.assign(call.caller, params)));
        });
    dispatcher.addTyped<common::TicketRef>(Method::DeleteTicket,
                                           [&commands](const CallContext& call, const auto& ref, const Responder& out) {
                                               out.send(asTicketResult(commands.remove(call.caller, ref)));
                                           });
    dispatcher.addTyped<common::TicketRef>(Method::RestoreTicket,
                                           [&commands](const CallContext& call, const auto& ref, const Responder& out) {
                                               out.send(asTicketResult(commands.restore(call.caller, ref)));
                                           });
    dispatcher.addTyped<common::TicketRef>(Method::TicketHistory,
                                           [&queries](const CallContext& call, const auto& ref, const Responder& out) {
                                               out.send(queries.history(call.caller, ref));
                                           });
    dispatcher.add(Method::TicketCounts, [&queries](const CallContext& call, const Responder& out) {
        out.send(queries.counts(call.caller));
    });
    dispatcher.add(Method::AgentLoad,
                   [&queries](const CallContext&, const Responder& out) { out.send(queries.agentLoad()); });
}

} // namespace ccr::server::TicketHandlers
