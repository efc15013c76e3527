#pragma once

namespace ccr::server {

class Dispatcher;
class TicketCommands;
class TicketQueries;
class TicketRatings;

/** tickets.*: create, read, list, search, converse, move through the workflow, assign, delete, rate. */
namespace TicketHandlers {
void registerIn(Dispatcher& dispatcher, TicketQueries& queries, TicketCommands& commands, TicketRatings& ratings);
}

} // namespace ccr::server
