#pragma once

namespace ccr::server {

class Dispatcher;
class ReadPool;
class SearchIndexer;
class TicketCommands;
class TicketRatings;

/** tickets.*: create, read, list, search, converse, move through the workflow, assign, delete, rate. */
namespace TicketHandlers {
struct Reading
{
    ReadPool& pool;
    /** Searches catch the index up first, so they find every text written before them. */
    SearchIndexer& indexer;
};

/** The read-only methods run on the reads pool; the rest on the main thread. */
void registerIn(Dispatcher& dispatcher, Reading reading, TicketCommands& commands, TicketRatings& ratings);
} // namespace TicketHandlers

} // namespace ccr::server
