#pragma once

namespace ccr::server {

class Dispatcher;
class ReadPool;
class TicketCommands;
class TicketRatings;

/** tickets.*: create, read, list, search, converse, move through the workflow, assign, delete, rate. */
namespace TicketHandlers {
/** The read-only methods run on the reads pool; the rest on the main thread. */
void registerIn(Dispatcher& dispatcher, ReadPool& reads, TicketCommands& commands, TicketRatings& ratings);
}

} // namespace ccr::server
