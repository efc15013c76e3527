#pragma once

#include "common/Result.h"
#include "common/tickets/MessageInfo.h"

#include <QList>

namespace ccr::server {

class Database;

/** The ticket_messages table. Messages are only ever added, never edited in place. */
class MessageStore final
{
public:
    explicit MessageStore(Database& database) : m_database(database) {}

    /** Inserts message (id, attachments and author name ignored) and returns its id. */
    common::Result<qint64> insert(const common::MessageInfo& message);
    /** The conversation oldest first; internal notes only if asked for. */
    common::Result<QList<common::MessageInfo>> list(qint64 ticketId, bool includeInternal) const;
    std::optional<common::MessageInfo> find(qint64 id) const;

private:
    Database& m_database;
};

} // namespace ccr::server
