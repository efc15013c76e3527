#include "SearchIndexWriter.h"

#include "Database.h"
#include "SearchFile.h"
#include "SearchIndex.h"
#include "SqlStatement.h"
#include "SqlValues.h"
#include "StatementCache.h"
#include "StoreLog.h"
#include "Transaction.h"

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

Error indexError(const QSqlQuery& query)
{
    return SqlValues::failure(query, QStringLiteral("The search index could not be written."));
}

Error transactionError(Database& index)
{
    return Error(ErrorCode::Unavailable, QStringLiteral("Cannot write the search index %1: %2")
                                             .arg(index.filePath(), index.connection().lastError().text()));
}

} // namespace

common::Result<SearchState> SearchIndexWriter::state()
{
    SqlStatement query(m_index);
    if (!query.exec(QStringLiteral("SELECT key, value FROM main.search_state")))
        return indexError(query);
    SearchState state;
    while (query.next()) {
        const QString key = query.value(0).toString();
        if (key == QLatin1String("complete"))
            state.complete = query.value(1).toLongLong() == 1;
        else if (key == QLatin1String("indexed_up_to"))
            state.indexedUpTo = query.value(1).toLongLong();
    }
    return state;
}

common::Result<bool> SearchIndexWriter::fitsTheQueue()
{
    const auto current = state();
    if (!current)
        return current.error();
    if (!current->complete)
        return false;
    SearchIndex queue(m_index);
    const auto newest = queue.newestQueued(QLatin1String(SearchFile::kDeskSchema));
    if (!newest)
        return newest.error();
    return current->indexedUpTo <= newest.value();
}

common::Result<IndexedRound> SearchIndexWriter::indexQueued(int limit)
{
    Transaction transaction(m_index.connection());
    if (!transaction.isActive())
        return transactionError(m_index);
    const auto current = state();
    if (!current)
        return current.error();
    IndexedRound round{current->indexedUpTo, false};
    {
        SqlStatement queued(m_index);
        // A ticket's own text is its subject and description, a message's its body.
        if (!queued.exec(QStringLiteral("SELECT q.id, q.ticket_id, q.message_id, t.customer_id,"
                                        " COALESCE(m.kind, 'ticket'), IIF(q.message_id = 0, t.subject, ''),"
                                        " IIF(q.message_id = 0, t.description, m.body)"
                                        " FROM desk.search_queue q JOIN desk.tickets t ON t.id = q.ticket_id"
                                        " LEFT JOIN desk.ticket_messages m ON m.id = q.message_id AND q.message_id <> 0"
                                        " WHERE q.id > ? ORDER BY q.id LIMIT ?"),
                         {current->indexedUpTo, limit + 1}))
            return indexError(queued);
        int rows = 0;
        while (queued.next()) {
            if (++rows > limit) {
                round.more = true;
                break;
            }
            round.indexedUpTo = queued.value(0).toLongLong();
            if (auto added =
                    insertText(SearchIndex::textRowId(queued.value(1).toLongLong(), queued.value(2).toLongLong()),
                               queued.value(3).toLongLong(), queued.value(4).toString(), queued.value(5).toString(),
                               queued.value(6).toString());
                !added)
                return added.error();
        }
    }
    if (round.indexedUpTo == current->indexedUpTo)
        return round; // nothing new: no write
    if (auto kept = setState(QStringLiteral("indexed_up_to"), round.indexedUpTo); !kept)
        return kept.error();
    if (!transaction.commit())
        return transactionError(m_index);
    return round;
}

common::Result<void> SearchIndexWriter::rebuild(const std::function<void(qint64, qint64)>& progress)
{
    // One statement is one snapshot: the queue's newest id and the newest ticket and message
    // belong together. Texts committed later have higher ids in all three, so they come
    // through the queue only, and nothing is indexed twice.
    qint64 newestQueued = 0, lastTicket = 0, lastMessage = 0, total = 0;
    {
        SqlStatement bounds(m_index);
        if (!bounds.exec(
                QStringLiteral("SELECT (SELECT seq FROM desk.sqlite_sequence WHERE name = 'search_queue'),"
                               " (SELECT MAX(id) FROM desk.tickets), (SELECT MAX(id) FROM desk.ticket_messages),"
                               " (SELECT COUNT(*) FROM desk.tickets) +"
                               " (SELECT COUNT(*) FROM desk.ticket_messages WHERE kind <> 'system')")) ||
            !bounds.next())
            return indexError(bounds);
        newestQueued = bounds.value(0).toLongLong();
        lastTicket = bounds.value(1).toLongLong();
        lastMessage = bounds.value(2).toLongLong();
        total = bounds.value(3).toLongLong();
    }
    {
        Transaction transaction(m_index.connection());
        if (!transaction.isActive())
            return transactionError(m_index);
        m_index.statements().clear(); // statements on the old tables go with them
        if (auto emptied = SearchFile::recreateTables(m_index.connection()); !emptied)
            return emptied;
        if (!transaction.commit())
            return transactionError(m_index);
    }
    qint64 done = 0;
    for (const bool messages : {false, true}) {
        const qint64 last = messages ? lastMessage : lastTicket;
        for (qint64 after = 0; after < last;) {
            Transaction transaction(m_index.connection());
            if (!transaction.isActive())
                return transactionError(m_index);
            const auto reached = rebuildBatch(messages, after, last);
            if (!reached)
                return reached.error();
            if (!transaction.commit())
                return transactionError(m_index);
            after = reached.value();
            done = std::min(total, done + kRebuildBatch);
            if (progress)
                progress(done, total);
        }
    }
    Transaction transaction(m_index.connection());
    if (!transaction.isActive())
        return transactionError(m_index);
    if (auto kept = setState(QStringLiteral("indexed_up_to"), newestQueued); !kept)
        return kept;
    if (auto kept = setState(QStringLiteral("complete"), 1); !kept)
        return kept;
    if (!transaction.commit())
        return transactionError(m_index);
    qCInfo(lcStore) << "search index rebuilt:" << total << "texts";
    return {};
}

common::Result<qint64> SearchIndexWriter::rebuildBatch(bool messages, qint64 after, qint64 last)
{
    SqlStatement texts(m_index);
    const bool read =
        messages ? texts.exec(QStringLiteral("SELECT m.id, m.ticket_id, t.customer_id, m.kind, '', m.body"
                                             " FROM desk.ticket_messages m JOIN desk.tickets t ON t.id = m.ticket_id"
                                             " WHERE m.id > ? AND m.id <= ? AND m.kind <> 'system'"
                                             " ORDER BY m.id LIMIT ?"),
                              {after, last, kRebuildBatch})
                 : texts.exec(QStringLiteral("SELECT 0, id, customer_id, 'ticket', subject, description"
                                             " FROM desk.tickets WHERE id > ? AND id <= ? ORDER BY id LIMIT ?"),
                              {after, last, kRebuildBatch});
    if (!read)
        return indexError(texts);
    qint64 reached = last;
    int rows = 0;
    while (texts.next()) {
        const qint64 messageId = texts.value(0).toLongLong();
        const qint64 ticketId = texts.value(1).toLongLong();
        if (auto added = insertText(SearchIndex::textRowId(ticketId, messageId), texts.value(2).toLongLong(),
                                    texts.value(3).toString(), texts.value(4).toString(), texts.value(5).toString());
            !added)
            return added.error();
        if (++rows == kRebuildBatch)
            reached = messages ? messageId : ticketId;
    }
    return reached;
}

common::Result<void> SearchIndexWriter::insertText(qint64 rowId, qint64 customerId, const QString& kind,
                                                   const QString& subject, const QString& body)
{
    // Indexing is idempotent: a text already there (the same row id is always the same text)
    // is not added twice, so a round repeated after a lost state never fails on it.
    SqlStatement existing(m_index);
    if (!existing.exec(QStringLiteral("SELECT 1 FROM main.ticket_search WHERE rowid = ?"), {rowId}))
        return indexError(existing);
    if (existing.next())
        return {};
    SqlStatement staff(m_index);
    if (!staff.exec(QStringLiteral("INSERT INTO main.ticket_search (rowid, subject, body, kind) VALUES (?, ?, ?, ?)"),
                    {rowId, SqlValues::text(subject), SqlValues::text(body), kind}))
        return indexError(staff);
    // Internal notes stay out of the customers' table: a customer's search can never reach them.
    if (kind == QLatin1String("internal"))
        return {};
    SqlStatement customer(m_index);
    if (!customer.exec(SearchIndex::customerInsertStatement(),
                       SearchIndex::customerInsertValues(rowId, customerId, subject, body)))
        return indexError(customer);
    return {};
}

common::Result<void> SearchIndexWriter::setState(const QString& key, qint64 value)
{
    SqlStatement query(m_index);
    if (!query.exec(QStringLiteral("INSERT INTO main.search_state (key, value) VALUES (?, ?)"
                                   " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                    {key, value}))
        return indexError(query);
    return {};
}

} // namespace ccr::server
