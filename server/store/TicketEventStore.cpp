#include "TicketEventStore.h"

#include "Database.h"
#include "SqlStatement.h"
#include "SqlValues.h"
#include "common/WireTime.h"

#include <QSqlQuery>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

Error storeError(const QSqlQuery& query)
{
    return SqlValues::failure(query, QStringLiteral("The ticket history could not be read or saved."));
}

} // namespace

common::Result<void> TicketEventStore::insert(const common::TicketEventInfo& event, bool internal)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("INSERT INTO ticket_events (ticket_id, actor_id, at, field, old_value, new_value,"
                                   " internal) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {event.ticketId, SqlValues::optionalId(event.actorId), common::WireTime::toWire(event.at),
                     SqlValues::text(event.field), SqlValues::text(event.oldValue), SqlValues::text(event.newValue),
                     internal ? 1 : 0}))
        return storeError(query);
    return {};
}

common::Result<QList<common::TicketEventInfo>> TicketEventStore::list(qint64 ticketId, bool includeInternal) const
{
    SqlStatement query(m_database);
    if (!query.exec(
            QStringLiteral("SELECT e.id, e.ticket_id, e.actor_id, COALESCE(u.display_name, ''), e.at, e.field,"
                           " e.old_value, e.new_value FROM ticket_events e LEFT JOIN users u ON u.id = e.actor_id"
                           " WHERE e.ticket_id = ? AND (? OR e.internal = 0) ORDER BY e.id"),
            {ticketId, includeInternal}))
        return storeError(query);
    QList<common::TicketEventInfo> events;
    while (query.next()) {
        events.append({query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toLongLong(),
                       query.value(3).toString(), common::WireTime::fromWire(query.value(4).toLongLong()),
                       query.value(5).toString(), query.value(6).toString(), query.value(7).toString()});
    }
    return events;
}

} // namespace ccr::server
