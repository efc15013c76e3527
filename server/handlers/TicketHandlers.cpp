#include "TicketHandlers.h"

#include "common/Protocol.h"
#include "common/tickets/TicketResult.h"
#include "net/Dispatcher.h"
#include "services/ReadPool.h"
#include "services/SearchIndexer.h"
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

void registerIn(Dispatcher& dispatcher, Reading reading, TicketCommands& commands, TicketRatings& ratings)
{
    ReadPool& reads = reading.pool;
    SearchIndexer& indexer = reading.indexer;
    dispatcher.addTyped<common::CreateTicketParams>(
        Method::CreateTicket, [&commands](const CallContext& call, const auto& params, const Responder& out) {
            out.send(asTicketResult(commands.create(call.caller, params)));
        });
    dispatcher.addTyped<common::TicketRef>(Method::GetTicket,
                                           [&reads](const CallContext& call, const auto& ref, const Responder& out) {
                                               reads.run(out, [caller = call.caller, ref](TicketQueries& queries) {
                                                   return ReadPool::encoded(queries.get(caller, ref));
                                               });
                                           });
    dispatcher.addTyped<common::ListTicketsParams>(
        Method::ListTickets, [&reads](const CallContext& call, const auto& params, const Responder& out) {
            reads.run(out, [caller = call.caller, params](TicketQueries& queries) {
                return ReadPool::encoded(queries.list(caller, params));
            });
        });
    dispatcher.addTyped<common::SearchTicketsParams>(
        Method::SearchTickets, [&reads, &indexer](const CallContext& call, const auto& params, const Responder& out) {
            indexer.whenCaughtUp([&reads, out, caller = call.caller, params](const Result<void>& indexed) {
                if (!indexed)
                    return out.fail(indexed.error());
                reads.run(out, [caller, params](TicketQueries& queries) {
                    return ReadPool::encoded(queries.search(caller, params));
                });
            });
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
                                           [&reads](const CallContext& call, const auto& ref, const Responder& out) {
                                               reads.run(out, [caller = call.caller, ref](TicketQueries& queries) {
                                                   return ReadPool::encoded(queries.history(caller, ref));
                                               });
                                           });
    dispatcher.add(Method::TicketCounts, [&reads](const CallContext& call, const Responder& out) {
        reads.run(out,
                  [caller = call.caller](TicketQueries& queries) { return ReadPool::encoded(queries.counts(caller)); });
    });
    dispatcher.add(Method::AgentLoad, [&reads](const CallContext&, const Responder& out) {
        reads.run(out, [](TicketQueries& queries) { return ReadPool::encoded(queries.agentLoad()); });
    });
}

} // namespace ccr::server::TicketHandlers
