#include "OutboxStore.h"

#include "Database.h"
#include "GroupCommit.h"
#include "SqlStatement.h"
#include "SqlValues.h"
#include "common/WireTime.h"

namespace ccr::server {

using common::Error;
using common::WireTime::fromWire;
using common::WireTime::toWire;

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, kind, COALESCE(user_id, 0), COALESCE(ticket_id, 0), to_address, to_name, subject, text_body,"
    " html_body, message_id, in_reply_to, refs, created_at, status, attempts, next_attempt_at, last_error, sent_at"
    " FROM outbox ");

OutboxEntry::Status statusFromName(const QString& name)
{
    for (const auto status : {OutboxEntry::Status::Queued, OutboxEntry::Status::Sending, OutboxEntry::Status::Sent,
                              OutboxEntry::Status::Failed}) {
        if (statusName(status) == name)
            return status;
    }
    return OutboxEntry::Status::Failed;
}

OutboxEntry readEntry(const QSqlQuery& query)
{
    OutboxEntry entry;
    entry.id = query.value(0).toLongLong();
    common::fromWireName(query.value(1).toString(), entry.kind);
    entry.userId = query.value(2).toLongLong();
    entry.ticketId = query.value(3).toLongLong();
    entry.mail.toAddress = query.value(4).toString();
    entry.mail.toName = query.value(5).toString();
    entry.mail.subject = query.value(6).toString();
    entry.mail.textBody = query.value(7).toString();
    entry.mail.htmlBody = query.value(8).toString();
    entry.mail.messageId = query.value(9).toString();
    entry.mail.inReplyTo = query.value(10).toString();
    entry.mail.references = query.value(11).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    entry.mail.date = fromWire(query.value(12).toLongLong());
    entry.status = statusFromName(query.value(13).toString());
    entry.attempts = query.value(14).toInt();
    entry.nextAttemptAt = fromWire(query.value(15).toLongLong());
    entry.lastError = query.value(16).toString();
    entry.sentAt = fromWire(query.value(17).toLongLong());
    return entry;
}

Error storeError(const QSqlQuery& query)
{
    return SqlValues::failure(query, QStringLiteral("The mail queue could not be read or saved."));
}

} // namespace

common::Result<qint64> OutboxStore::insert(const OutboxEntry& entry)
{
    SqlStatement query(m_database);
    if (!query.exec(
            QStringLiteral("INSERT INTO outbox (kind, user_id, ticket_id, to_address, to_name, subject, text_body,"
                           " html_body, message_id, in_reply_to, refs, created_at, status, next_attempt_at)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)"),
            {common::wireName(entry.kind), SqlValues::optionalId(entry.userId), SqlValues::optionalId(entry.ticketId),
             entry.mail.toAddress, SqlValues::text(entry.mail.toName), entry.mail.subject,
             SqlValues::text(entry.mail.textBody), SqlValues::text(entry.mail.htmlBody), entry.mail.messageId,
             SqlValues::text(entry.mail.inReplyTo), SqlValues::text(entry.mail.references.join(QLatin1Char(' '))),
             toWire(entry.mail.date), toWire(entry.mail.date)}))
        return storeError(query);
    return query.lastInsertId().toLongLong();
}

std::optional<OutboxEntry> OutboxStore::nextDue(const QDateTime& now) const
{
    // The relay reads on the connection that holds the shared transaction: a mail queued by a
    // change that is not committed yet (and may still roll back) waits for the next poll.
    if (const auto* shared = m_database.groupCommit(); shared && shared->isOpen())
        return std::nullopt;
    SqlStatement query(m_database);
    if (!query.exec(kSelect + QStringLiteral("WHERE status = 'queued' AND next_attempt_at <= ?"
                                             " ORDER BY next_attempt_at, id LIMIT 1"),
                    {toWire(now)}) ||
        !query.next())
        return std::nullopt;
    return readEntry(query);
}

common::Result<void> OutboxStore::markSending(qint64 id)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("UPDATE outbox SET status = 'sending' WHERE id = ?"), {id}))
        return storeError(query);
    return {};
}

common::Result<void> OutboxStore::markSent(qint64 id, int attempts, const QDateTime& at)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("UPDATE outbox SET status = 'sent', attempts = ?, sent_at = ?, last_error = ''"
                                   " WHERE id = ?"),
                    {attempts, toWire(at), id}))
        return storeError(query);
    return {};
}

common::Result<void> OutboxStore::markRetry(qint64 id, int attempts, const QDateTime& nextAttempt, const QString& error)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("UPDATE outbox SET status = 'queued', attempts = ?, next_attempt_at = ?,"
                                   " last_error = ? WHERE id = ?"),
                    {attempts, toWire(nextAttempt), SqlValues::text(error), id}))
        return storeError(query);
    return {};
}

common::Result<void> OutboxStore::markFailed(qint64 id, int attempts, const QString& error)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("UPDATE outbox SET status = 'failed', attempts = ?, last_error = ? WHERE id = ?"),
                    {attempts, SqlValues::text(error), id}))
        return storeError(query);
    return {};
}

qint64 OutboxStore::requeueSending()
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("UPDATE outbox SET status = 'queued' WHERE status = 'sending'")))
        return 0;
    return query.numRowsAffected();
}

common::Result<QList<OutboxEntry>> OutboxStore::list(const std::optional<OutboxEntry::Status>& status, int limit) const
{
    SqlStatement query(m_database);
    const QVariant statusValue = status ? QVariant(statusName(*status)) : QVariant();
    if (!query.exec(kSelect + QStringLiteral("WHERE (? IS NULL OR status = ?) ORDER BY id DESC LIMIT ?"),
                    {statusValue, statusValue, limit}))
        return storeError(query);
    QList<OutboxEntry> entries;
    while (query.next())
        entries.append(readEntry(query));
    return entries;
}

common::Result<QHash<QString, qint64>> OutboxStore::countByStatus() const
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT status, COUNT(*) FROM outbox GROUP BY status")))
        return storeError(query);
    QHash<QString, qint64> counts;
    while (query.next())
        counts.insert(query.value(0).toString(), query.value(1).toLongLong());
    return counts;
}

} // namespace ccr::server
