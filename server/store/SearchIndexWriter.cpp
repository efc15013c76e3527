#include "SearchIndexWriter.h"

#include "AgentSearchTable.h"
#include "Database.h"
#include "FtsTokenizer.h"
#include "SearchFile.h"
#include "SearchIndex.h"
#include "SearchWords.h"
#include "SqlStatement.h"
#include "SqlValues.h"
#include "StatementCache.h"
#include "StoreLog.h"
#include "Transaction.h"

#include <QHash>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

Error transactionError(Database& index)
{
    return Error(ErrorCode::Unavailable, QStringLiteral("Cannot write the search index %1: %2")
                                             .arg(index.filePath(), index.connection().lastError().text()));
}

} // namespace

SearchIndexWriter::SearchIndexWriter(Database& index)
    : m_index(index), m_tokenizer(FtsTokenizer::open(index.connection())),
      m_agentTable(std::make_unique<AgentSearchTable>(index, m_tokenizer.get())),
      m_words(std::make_unique<SearchWords>(index))
{}

SearchIndexWriter::~SearchIndexWriter() = default;

common::Result<QHash<QString, qint64>> SearchIndexWriter::stateValues()
{
    SqlStatement query(m_index);
    if (!query.exec(QStringLiteral("SELECT key, value FROM main.search_state")))
        return SearchFile::writeFailed(query);
    QHash<QString, qint64> values;
    while (query.next())
        values.insert(query.value(0).toString(), query.value(1).toLongLong());
    return values;
}

common::Result<SearchState> SearchIndexWriter::state()
{
    const auto values = stateValues();
    if (!values)
        return values.error();
    return SearchState{values->value(QStringLiteral("complete")) == 1, values->value(QStringLiteral("indexed_up_to"))};
}

common::Result<qint64> SearchIndexWriter::deskId()
{
    SqlStatement query(m_index);
    if (!query.exec(QStringLiteral("SELECT value FROM desk.meta WHERE key = 'desk_id'")))
        return SearchFile::writeFailed(query);
    return query.next() ? query.value(0).toLongLong() : 0;
}

common::Result<bool> SearchIndexWriter::fitsTheQueue()
{
    const auto values = stateValues();
    if (!values)
        return values.error();
    const auto desk = deskId();
    if (!desk)
        return desk.error();
    // Built for this main database (not a file copied from another one), and complete.
    // A file from before search_words (words != 1) or agent_search (agents != 1) is rebuilt
    // to fill them, and so is one a server from before agent_search indexed texts into
    // (it moved indexed_up_to, not agents_up_to: those texts are not in agent_search).
    if (values->value(QStringLiteral("complete")) != 1 || values->value(QStringLiteral("words")) != 1 ||
        values->value(QStringLiteral("agents")) != 1 || values->value(QStringLiteral("desk_id")) != desk.value() ||
        values->value(QStringLiteral("agents_up_to")) != values->value(QStringLiteral("indexed_up_to")))
        return false;
    // Every text after the mark must still be queued: none given out that the index never
    // got (a main database older than the index), none dropped from the queue that the index
    // lost (its last commits lost to a power cut after the main file dropped them).
    const qint64 indexedUpTo = values->value(QStringLiteral("indexed_up_to"));
    SqlStatement queue(m_index);
    if (!queue.exec(QStringLiteral("SELECT (SELECT seq FROM desk.sqlite_sequence WHERE name = 'search_queue'),"
                                   " (SELECT MIN(id) FROM desk.search_queue)")) ||
        !queue.next())
        return SearchFile::writeFailed(queue);
    const qint64 newest = queue.value(0).toLongLong();
    if (indexedUpTo > newest)
        return false;
    if (queue.value(1).isNull())
        return indexedUpTo == newest;
    return queue.value(1).toLongLong() <= indexedUpTo + 1;
}

common::Result<IndexedRound> SearchIndexWriter::indexQueued(int limit)
{
    const auto current = state();
    if (!current)
        return current.error();
    IndexedRound round{current->indexedUpTo, false};
    // Read before the search file's transaction, not inside it: a read there would hold its
    // snapshot of the main database until that transaction commits, and with rounds back to
    // back under a burst of writes the main log could then seldom start over (it grew to
    // 390 MB in a four-second burst of creates). Read on its own, the snapshot ends with the
    // statement. Only this thread writes the search file, so its state cannot change meanwhile.
    struct QueuedText
    {
        qint64 ticketId;
        qint64 messageId; // SearchIndex::kScopeChanged: the ticket's texts move to its new key
        qint64 customerId;
        QString agentKey;
        QString kind;
        QString subject;
        QString body;
    };
    QList<QueuedText> texts;
    qsizetype heldChars = 0;
    {
        SqlStatement queued(m_index);
        // A ticket's own text is its subject and description, a message's its body.
        if (!queued.exec(QStringLiteral("SELECT q.id, q.ticket_id, q.message_id, t.customer_id,"
                                        " COALESCE(m.kind, 'ticket'), IIF(q.message_id = 0, t.subject, ''),"
                                        " IIF(q.message_id = 0, t.description, IIF(q.message_id = ?, '', m.body)),"
                                        " t.agent_id, t.deleted_at IS NOT NULL"
                                        " FROM desk.search_queue q LEFT JOIN desk.tickets t ON t.id = q.ticket_id"
                                        " LEFT JOIN desk.ticket_messages m ON m.id = q.message_id AND q.message_id > 0"
                                        " WHERE q.id > ? ORDER BY q.id LIMIT ?"),
                         {SearchIndex::kScopeChanged, current->indexedUpTo, limit + 1}))
            return SearchFile::writeFailed(queued);
        int rows = 0;
        while (queued.next()) {
            if (++rows > limit) {
                round.more = true;
                break;
            }
            round.indexedUpTo = queued.value(0).toLongLong();
            // A text whose row is gone (nothing deletes one today) is passed over, not waited for.
            const bool gone = queued.value(3).isNull() || queued.value(6).isNull();
            if (!gone) {
                texts.append({queued.value(1).toLongLong(), queued.value(2).toLongLong(), queued.value(3).toLongLong(),
                              AgentSearchTable::keyFor(queued.value(7).toLongLong(), queued.value(8).toBool()),
                              queued.value(4).toString(), queued.value(5).toString(), queued.value(6).toString()});
                heldChars += texts.constLast().subject.size() + texts.constLast().body.size();
            }
            // Long messages (up to 50,000 characters each) must not make a round hold
            // hundreds of MB: the rest waits for the next round.
            if (heldChars >= kRoundChars) {
                round.more = true;
                break;
            }
        }
    }
    if (round.indexedUpTo == current->indexedUpTo)
        return round; // nothing new: no write

    m_words->discard(); // added by a transaction that did not commit
    m_agentTable->discard();
    // Deferred: IMMEDIATE would begin a read of the attached main database too, for the whole
    // transaction (this thread is the search file's only writer, so no lock is lost to another).
    Transaction transaction(m_index.connection(), Transaction::Begin::Deferred);
    if (!transaction.isActive())
        return transactionError(m_index);
    for (const auto& text : std::as_const(texts)) {
        if (text.messageId == SearchIndex::kScopeChanged) {
            if (auto moved = m_agentTable->rekey(text.ticketId, text.agentKey); !moved)
                return moved.error();
        } else if (auto added = insertText(text.ticketId, text.messageId,
                                           {text.customerId, text.agentKey, text.kind, text.subject, text.body});
                   !added) {
            return added.error();
        }
    }
    if (auto flushed = m_agentTable->flush(); !flushed)
        return flushed.error();
    for (const auto& key : {QStringLiteral("indexed_up_to"), QStringLiteral("agents_up_to")}) {
        if (auto kept = setState(key, round.indexedUpTo); !kept)
            return kept.error();
    }
    if (!transaction.commit())
        return transactionError(m_index);
    m_words->committed();
    return round;
}

common::Result<void> SearchIndexWriter::startRebuild()
{
    const auto desk = deskId();
    if (!desk)
        return desk.error();
    // One statement is one snapshot: the queue's newest id and the newest ticket and message
    // belong together. Texts committed later have higher ids in all three, so they come
    // through the queue only, and nothing is indexed twice.
    SqlStatement bounds(m_index);
    if (!bounds.exec(
            QStringLiteral("SELECT (SELECT seq FROM desk.sqlite_sequence WHERE name = 'search_queue'),"
                           " (SELECT MAX(id) FROM desk.tickets), (SELECT MAX(id) FROM desk.ticket_messages)")) ||
        !bounds.next())
        return SearchFile::writeFailed(bounds);
    const qint64 newestQueued = bounds.value(0).toLongLong();
    const qint64 lastTicket = bounds.value(1).toLongLong();
    const qint64 lastMessage = bounds.value(2).toLongLong();
    bounds.query().finish();

    Transaction transaction(m_index.connection());
    if (!transaction.isActive())
        return transactionError(m_index);
    m_index.statements().clear(); // statements on the old tables go with them
    m_words->forget();            // so do the words
    m_agentTable->discard();
    if (auto emptied = SearchFile::recreateTables(m_index.connection()); !emptied)
        return emptied;
    for (const auto& [key, value] : {std::pair{QStringLiteral("desk_id"), desk.value()},
                                     {QStringLiteral("rebuild_queue"), newestQueued},
                                     {QStringLiteral("rebuild_last_ticket"), lastTicket},
                                     {QStringLiteral("rebuild_last_message"), lastMessage},
                                     {QStringLiteral("rebuild_ticket_done"), qint64{0}},
                                     {QStringLiteral("rebuild_message_done"), qint64{0}},
                                     {QStringLiteral("rebuild_words"), qint64{1}},
                                     {QStringLiteral("rebuild_agents"), qint64{1}}}) {
        if (auto kept = setState(key, value); !kept)
            return kept;
    }
    if (!transaction.commit())
        return transactionError(m_index);
    return {};
}

common::Result<void> SearchIndexWriter::rebuild(const std::function<void(qint64, qint64)>& progress,
                                                const std::function<bool()>& stopping, Resume resume)
{
    auto values = stateValues();
    if (!values)
        return values.error();
    const auto desk = deskId();
    if (!desk)
        return desk.error();
    // A rebuild the last server did not finish goes on where it stopped, if the main database
    // still holds everything it set out to index (not restored from an older backup meanwhile).
    // rebuild_words: begun by a server that fills search_words too.
    bool resumable =
        resume == Resume::IfUnfinished && values->contains(QStringLiteral("rebuild_queue")) &&
        values->value(QStringLiteral("rebuild_words")) == 1 && values->value(QStringLiteral("rebuild_agents")) == 1 &&
        values->value(QStringLiteral("desk_id")) == desk.value() && values->value(QStringLiteral("complete")) != 1;
    if (resumable) {
        SqlStatement now(m_index);
        if (!now.exec(
                QStringLiteral("SELECT COALESCE((SELECT seq FROM desk.sqlite_sequence WHERE name = 'search_queue'), 0),"
                               " COALESCE((SELECT MAX(id) FROM desk.tickets), 0), COALESCE((SELECT MAX(id) FROM "
                               "desk.ticket_messages), 0)")) ||
            !now.next())
            return SearchFile::writeFailed(now);
        resumable = values->value(QStringLiteral("rebuild_queue")) <= now.value(0).toLongLong() &&
                    values->value(QStringLiteral("rebuild_last_ticket")) <= now.value(1).toLongLong() &&
                    values->value(QStringLiteral("rebuild_last_message")) <= now.value(2).toLongLong();
    }
    qint64 done = 0;
    if (resumable) {
        SqlStatement indexed(m_index);
        if (!indexed.exec(QStringLiteral("SELECT COUNT(*) FROM main.ticket_search")) || !indexed.next())
            return SearchFile::writeFailed(indexed);
        done = indexed.value(0).toLongLong();
    }
    if (!resumable) {
        if (auto started = startRebuild(); !started)
            return started;
        values = stateValues();
        if (!values)
            return values.error();
    } else {
        qCInfo(lcStore) << "continuing the search index rebuild";
    }
    SqlStatement count(m_index);
    if (!count.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM desk.tickets WHERE id <= ?),"
                                   " (SELECT COUNT(*) FROM desk.ticket_messages WHERE id <= ? AND kind <> 'system')"),
                    {values->value(QStringLiteral("rebuild_last_ticket")),
                     values->value(QStringLiteral("rebuild_last_message"))}) ||
        !count.next())
        return SearchFile::writeFailed(count);
    const qint64 total = count.value(0).toLongLong() + count.value(1).toLongLong();
    count.query().finish();

    for (const bool messages : {false, true}) {
        const QString doneKey =
            messages ? QStringLiteral("rebuild_message_done") : QStringLiteral("rebuild_ticket_done");
        const qint64 last =
            values->value(messages ? QStringLiteral("rebuild_last_message") : QStringLiteral("rebuild_last_ticket"));
        for (qint64 after = values->value(doneKey); after < last;) {
            if (stopping && stopping())
                return Error(ErrorCode::Unavailable, QStringLiteral("The search index rebuild stopped; it goes on at "
                                                                    "the next start."));
            m_words->discard();
            m_agentTable->discard();
            Transaction transaction(m_index.connection());
            if (!transaction.isActive())
                return transactionError(m_index);
            const auto reached = rebuildBatch(messages, after, last);
            if (!reached)
                return reached.error();
            if (auto flushed = m_agentTable->flush(); !flushed)
                return flushed;
            if (auto kept = setState(doneKey, reached.value()); !kept)
                return kept;
            if (!transaction.commit())
                return transactionError(m_index);
            m_words->committed();
            after = reached.value();
            done = std::min(total, done + kRebuildBatch);
            if (progress)
                progress(done, total);
        }
    }
    Transaction transaction(m_index.connection());
    if (!transaction.isActive())
        return transactionError(m_index);
    for (const auto& key : {QStringLiteral("indexed_up_to"), QStringLiteral("agents_up_to")}) {
        if (auto kept = setState(key, values->value(QStringLiteral("rebuild_queue"))); !kept)
            return kept;
    }
    if (auto kept = setState(QStringLiteral("complete"), 1); !kept)
        return kept;
    for (const auto& key : {QStringLiteral("words"), QStringLiteral("agents")}) {
        if (auto kept = setState(key, 1); !kept)
            return kept;
    }
    SqlStatement finished(m_index);
    if (!finished.exec(QStringLiteral("DELETE FROM main.search_state WHERE key LIKE 'rebuild_%'")))
        return SearchFile::writeFailed(finished);
    if (!transaction.commit())
        return transactionError(m_index);
    qCInfo(lcStore) << "search index rebuilt:" << total << "texts";
    return {};
}

common::Result<qint64> SearchIndexWriter::rebuildBatch(bool messages, qint64 after, qint64 last)
{
    SqlStatement texts(m_index);
    const bool read =
        messages ? texts.exec(QStringLiteral("SELECT m.id, m.ticket_id, t.customer_id, m.kind, '', m.body,"
                                             " t.agent_id, t.deleted_at IS NOT NULL"
                                             " FROM desk.ticket_messages m JOIN desk.tickets t ON t.id = m.ticket_id"
                                             " WHERE m.id > ? AND m.id <= ? AND m.kind <> 'system'"
                                             " ORDER BY m.id LIMIT ?"),
                              {after, last, kRebuildBatch})
                 : texts.exec(QStringLiteral("SELECT 0, id, customer_id, 'ticket', subject, description,"
                                             " agent_id, deleted_at IS NOT NULL FROM desk.tickets WHERE id > ? AND id "
                                             "<= ? ORDER BY id LIMIT ?"),
                              {after, last, kRebuildBatch});
    if (!read)
        return SearchFile::writeFailed(texts);
    qint64 reached = last;
    int rows = 0;
    while (texts.next()) {
        const qint64 messageId = texts.value(0).toLongLong();
        const qint64 ticketId = texts.value(1).toLongLong();
        if (auto added = insertText(ticketId, messageId,
                                    {texts.value(2).toLongLong(),
                                     AgentSearchTable::keyFor(texts.value(6).toLongLong(), texts.value(7).toBool()),
                                     texts.value(3).toString(), texts.value(4).toString(), texts.value(5).toString()});
            !added)
            return added.error();
        if (++rows == kRebuildBatch)
            reached = messages ? messageId : ticketId;
    }
    return reached;
}

common::Result<void> SearchIndexWriter::insertText(qint64 ticketId, qint64 messageId, const TextToIndex& text)
{
    const qint64 rowId = SearchIndex::textRowId(ticketId, messageId);
    // Indexing is idempotent: a text already there (the same row id is always the same text)
    // is not added twice, so a round repeated after a lost state never fails on it.
    SqlStatement existing(m_index);
    if (!existing.exec(QStringLiteral("SELECT 1 FROM main.ticket_search WHERE rowid = ?"), {rowId}))
        return SearchFile::writeFailed(existing);
    if (existing.next())
        return {};
    if (!m_tokenizer)
        return SearchFile::noTokenizer();
    SqlStatement staff(m_index);
    if (!staff.exec(QStringLiteral("INSERT INTO main.ticket_search (rowid, subject, body, kind) VALUES (?, ?, ?, ?)"),
                    {rowId, SqlValues::text(text.subject), SqlValues::text(text.body), text.kind}))
        return SearchFile::writeFailed(staff);
    const QList<QByteArray> subjectWords = m_tokenizer->words(text.subject);
    const QList<QByteArray> bodyWords = m_tokenizer->words(text.body);
    if (auto added = m_words->add(subjectWords); !added)
        return added;
    if (auto added = m_words->add(bodyWords); !added)
        return added;
    if (auto added = m_agentTable->add(rowId, ticketId, text.agentKey, subjectWords, bodyWords); !added)
        return added;
    // Internal notes stay out of the customers' table: a customer's search can never reach them.
    if (text.kind == QLatin1String("internal"))
        return {};
    SqlStatement customer(m_index);
    if (!customer.exec(SearchIndex::customerInsertStatement(),
                       SearchIndex::customerInsertValues(rowId, text.customerId, text.subject, text.body)))
        return SearchFile::writeFailed(customer);
    return {};
}

common::Result<void> SearchIndexWriter::setState(const QString& key, qint64 value)
{
    SqlStatement query(m_index);
    if (!query.exec(QStringLiteral("INSERT INTO main.search_state (key, value) VALUES (?, ?)"
                                   " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                    {key, value}))
        return SearchFile::writeFailed(query);
    return {};
}

} // namespace ccr::server
