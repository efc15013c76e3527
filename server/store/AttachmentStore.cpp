#include "AttachmentStore.h"

#include "Database.h"
#include "SqlStatement.h"
#include "SqlValues.h"
#include "common/WireTime.h"

namespace ccr::server {

using common::AttachmentInfo;
using common::Error;
using common::ErrorCode;

namespace {

const QString kSelect = QStringLiteral("SELECT a.id, a.file_name, a.size, a.sha256, a.mime_type,"
                                       " COALESCE(a.ticket_id, 0), COALESCE(a.message_id, 0), a.created_at"
                                       " FROM attachments a ");

AttachmentInfo readAttachment(const QSqlQuery& query)
{
    return AttachmentInfo{query.value(0).toLongLong(), query.value(1).toString(),
                          query.value(2).toLongLong(), query.value(3).toString(),
                          query.value(4).toString(),   query.value(5).toLongLong(),
                          query.value(6).toLongLong(), common::WireTime::fromWire(query.value(7).toLongLong())};
}

Error storeError(const QSqlQuery& query)
{
    return SqlValues::failure(query, QStringLiteral("The attachment records could not be read or saved."));
}

} // namespace

common::Result<qint64> AttachmentStore::insertPending(const AttachmentInfo& attachment, qint64 uploadedBy)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("INSERT INTO attachments (sha256, size, file_name, mime_type, uploaded_by,"
                                   " created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                    {attachment.sha256, attachment.size, attachment.fileName, SqlValues::text(attachment.mimeType),
                     uploadedBy, common::WireTime::toWire(attachment.createdAt)}))
        return storeError(query);
    return query.lastInsertId().toLongLong();
}

std::optional<AttachmentInfo> AttachmentStore::find(qint64 id) const
{
    SqlStatement query(m_database);
    if (!query.exec(kSelect + QStringLiteral("WHERE a.id = ?"), {id}) || !query.next())
        return std::nullopt;
    return readAttachment(query);
}

std::optional<qint64> AttachmentStore::uploaderOf(qint64 id) const
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT uploaded_by FROM attachments WHERE id = ?"), {id}) || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

common::Result<void> AttachmentStore::link(const QList<qint64>& ids, qint64 uploadedBy, qint64 ticketId,
                                           qint64 messageId)
{
    for (const qint64 id : ids) {
        SqlStatement query(m_database);
        if (!query.exec(QStringLiteral("UPDATE attachments SET ticket_id = ?, message_id = ? WHERE id = ?"
                                       " AND uploaded_by = ? AND ticket_id IS NULL"),
                        {ticketId, SqlValues::optionalId(messageId), id, uploadedBy}))
            return storeError(query);
        if (query.numRowsAffected() != 1)
            return Error(ErrorCode::NotFound,
                         QStringLiteral("Attachment %1 is not an upload of yours waiting to be attached.").arg(id));
    }
    return {};
}

common::Result<QList<AttachmentInfo>> AttachmentStore::listForTicket(qint64 ticketId, bool includeInternal) const
{
    SqlStatement query(m_database);
    if (!query.exec(kSelect + QStringLiteral("LEFT JOIN ticket_messages m ON m.id = a.message_id"
                                             " WHERE a.ticket_id = ? AND (? OR COALESCE(m.kind, '') <> 'internal')"
                                             " ORDER BY a.id"),
                    {ticketId, includeInternal}))
        return storeError(query);
    QList<AttachmentInfo> attachments;
    while (query.next())
        attachments.append(readAttachment(query));
    return attachments;
}

bool AttachmentStore::isOnInternalNote(qint64 id) const
{
    SqlStatement query(m_database);
    return query.exec(QStringLiteral("SELECT 1 FROM attachments a JOIN ticket_messages m ON m.id = a.message_id"
                                     " WHERE a.id = ? AND m.kind = 'internal'"),
                      {id}) &&
           query.next();
}

} // namespace ccr::server
