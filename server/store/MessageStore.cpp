#include "MessageStore.h"

#include "Database.h"
#include "SqlStatement.h"
#include "SqlValues.h"
#include "common/WireTime.h"

#include <QSqlQuery>

namespace ccr::server {

using common::Error;
using common::ErrorCode;
using common::MessageInfo;

namespace {

const QString kSelect = QStringLiteral(
    "SELECT m.id, m.ticket_id, m.kind, m.author_id, COALESCE(u.display_name, ''), m.body, m.created_at, m.event,"
    " m.old_value, m.new_value FROM ticket_messages m LEFT JOIN users u ON u.id = m.author_id ");

MessageInfo readMessage(const QSqlQuery& query)
{
    MessageInfo message;
    message.id = query.value(0).toLongLong();
    message.ticketId = query.value(1).toLongLong();
    common::fromWireName(query.value(2).toString(), message.kind);
    message.authorId = query.value(3).toLongLong();
    message.authorName = query.value(4).toString();
    message.body = query.value(5).toString();
    message.createdAt = common::WireTime::fromWire(query.value(6).toLongLong());
    message.event = query.value(7).toString();
    message.oldValue = query.value(8).toString();
    message.newValue = query.value(9).toString();
    return message;
}

Error storeError(const QSqlQuery& query)
{
    return SqlValues::failure(query, QStringLiteral("The conversation could not be read or saved."));
}

} // namespace

common::Result<qint64> MessageStore::insert(const MessageInfo& message)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("INSERT INTO ticket_messages (ticket_id, kind, author_id, body, event, old_value,"
                                   " new_value, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                    {message.ticketId, common::wireName(message.kind), SqlValues::optionalId(message.authorId),
                     SqlValues::text(message.body), SqlValues::text(message.event), SqlValues::text(message.oldValue),
                     SqlValues::text(message.newValue), common::WireTime::toWire(message.createdAt)}))
        return storeError(query);
    return query.lastInsertId().toLongLong();
}

common::Result<QList<MessageInfo>> MessageStore::list(qint64 ticketId, bool includeInternal) const
{
    SqlStatement query(m_database);
    if (!query.exec(kSelect + QStringLiteral("WHERE m.ticket_id = ? AND (? OR m.kind <> 'internal') ORDER BY m.id"),
                    {ticketId, includeInternal}))
        return storeError(query);
    QList<MessageInfo> messages;
    while (query.next())
        messages.append(readMessage(query));
    return messages;
}

std::optional<MessageInfo> MessageStore::find(qint64 id) const
{
    SqlStatement query(m_database);
    if (!query.exec(kSelect + QStringLiteral("WHERE m.id = ?"), {id}) || !query.next())
        return std::nullopt;
    return readMessage(query);
}

} // namespace ccr::server
