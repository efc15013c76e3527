#pragma once

namespace ccr::server {

class Dispatcher;
class TicketCommands;
class TicketQueries;

/** tickets.*: create, read, list, search, converse, move through the workflow, assign, delete. */
namespace TicketHandlers {
void registerIn(Dispatcher& dispatcher, TicketQueries& queries, TicketCommands& commands);
}

} // namespace ccr::server
