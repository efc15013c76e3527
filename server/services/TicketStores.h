#pragma once

#include "store/AttachmentStore.h"
#include "store/CategoryStore.h"
#include "store/MessageStore.h"
#include "store/SearchIndex.h"
#include "store/TicketEventStore.h"
#include "store/TicketStore.h"
#include "store/UserStore.h"

namespace ccr::server {

class Database;

/** The stores the ticket services share, over one database connection. */
struct TicketStores
{
    explicit TicketStores(Database& db, int searchCandidates = SearchIndex::kDefaultCandidates)
        : database(db), tickets(db), messages(db), events(db), attachments(db), categories(db),
          search(db, searchCandidates), users(db)
    {}

    Database& database;
    TicketStore tickets;
    MessageStore messages;
    TicketEventStore events;
    AttachmentStore attachments;
    CategoryStore categories;
    SearchIndex search;
    UserStore users;
};

} // namespace ccr::server
