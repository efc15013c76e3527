#pragma once

#include "common/Result.h"
#include "common/tickets/TicketEventInfo.h"

#include <QList>

namespace ccr::server {

class Database;

/** The ticket_events table: the audit trail. Rows marked internal are for staff eyes only. */
class TicketEventStore final
{
public:
    explicit TicketEventStore(Database& database) : m_database(database) {}

    common::Result<void> insert(const common::TicketEventInfo& event, bool internal);
    common::Result<QList<common::TicketEventInfo>> list(qint64 ticketId, bool includeInternal) const;

private:
    Database& m_database;
};

} // namespace ccr::server
