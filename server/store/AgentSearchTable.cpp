#include "AgentSearchTable.h"

#include "Database.h"
#include "FtsTokenizer.h"
#include "SearchFile.h"
#include "SearchIndex.h"
#include "SqlStatement.h"

#include <QSqlError>

namespace ccr::server {

namespace {

/** The words (tokens joined by spaces, which no token holds), each with the key before it. */
QString prefixed(const QString& key, const QByteArray& words)
{
    const QByteArray keyBytes = key.toUtf8();
    QByteArray text;
    text.reserve(words.size() + (words.count(' ') + 1) * keyBytes.size());
    for (qsizetype start = 0; start < words.size();) {
        qsizetype end = words.indexOf(' ', start);
        if (end < 0)
            end = words.size();
        if (end > start) {
            text += keyBytes;
            text += QByteArrayView(words).sliced(start, end - start);
            text += ' ';
        }
        start = end + 1;
    }
    return QString::fromUtf8(text);
}

} // namespace

AgentSearchTable::AgentSearchTable(Database& index, const FtsTokenizer* tokenizer)
    : m_index(index), m_tokenizer(tokenizer)
{}

QString AgentSearchTable::keyFor(qint64 agentId, bool deleted)
{
    if (deleted)
        return QStringLiteral("dz");
    return agentId > 0 ? agentKey(agentId) : unassignedKey();
}

QString AgentSearchTable::agentKey(qint64 agentId)
{
    // The first letter after the digits ends the id, so no two agents' words meet in one token.
    return QStringLiteral("a%1z").arg(agentId);
}

qint64 AgentSearchTable::agentRowId(qint64 textRowId)
{
    return -textRowId;
}

QString AgentSearchTable::unassignedKey()
{
    return QStringLiteral("uz");
}

common::Result<QString> AgentSearchTable::storedKey(qint64 ticketId)
{
    SqlStatement query(m_index);
    if (!query.exec(QStringLiteral("SELECT key FROM main.agent_keys WHERE ticket_id = ?"), {ticketId}))
        return SearchFile::writeFailed(query);
    if (query.next())
        return query.value(0).toString();
    // A step that failed is not "no key": the ticket's texts would stay where they are.
    if (query.query().lastError().isValid())
        return SearchFile::writeFailed(query);
    return QString();
}

common::Result<void> AgentSearchTable::add(qint64 rowId, qint64 ticketId, const QString& deskKey,
                                           const QList<QByteArray>& subjectWords, const QList<QByteArray>& bodyWords)
{
    auto key = storedKey(ticketId);
    if (!key)
        return key.error();
    if (key->isEmpty()) {
        // The ticket's first text: until it moves, its texts carry the key it had when read.
        SqlStatement insert(m_index);
        if (!insert.exec(QStringLiteral("INSERT INTO main.agent_keys (ticket_id, key) VALUES (?, ?)"),
                         {ticketId, deskKey}))
            return SearchFile::writeFailed(insert);
        key = deskKey;
    }
    return hold(agentRowId(rowId), {{}, key.value(), subjectWords.join(' '), bodyWords.join(' ')});
}

common::Result<void> AgentSearchTable::hold(qint64 agentRowId, PendingText text)
{
    m_pendingBytes += text.subjectWords.size() + text.bodyWords.size();
    m_pending.insert(agentRowId, std::move(text));
    // Written out of row id order, FTS5 starts a segment more: rare, and memory stays bounded.
    return m_pendingBytes > kMaxPendingBytes ? flush() : common::Result<void>{};
}

common::Result<void> AgentSearchTable::rekey(qint64 ticketId, const QString& deskKey)
{
    const auto key = storedKey(ticketId);
    if (!key)
        return key.error();
    if (key->isEmpty() || key.value() == deskKey)
        return {}; // none of its texts indexed yet, or already under this key
    if (!m_tokenizer)
        return SearchFile::noTokenizer();
    // The ticket's texts as indexed: ticket_search keeps them, under the same row ids.
    SqlStatement texts(m_index);
    if (!texts.exec(QStringLiteral("SELECT rowid, subject, body FROM main.ticket_search"
                                   " WHERE rowid >= ? AND rowid <= ?"),
                    {SearchIndex::textRowId(ticketId, 0), SearchIndex::textRowId(ticketId, 0xffffffff)}))
        return SearchFile::writeFailed(texts);
    while (texts.next()) {
        const qint64 rowId = agentRowId(texts.value(0).toLongLong());
        if (auto pending = m_pending.find(rowId); pending != m_pending.end()) {
            pending->newKey = deskKey; // added or moved earlier in this transaction: not in the table yet
            continue;
        }
        if (auto held = hold(rowId, {key.value(), deskKey, m_tokenizer->words(texts.value(1).toString()).join(' '),
                                     m_tokenizer->words(texts.value(2).toString()).join(' ')});
            !held)
            return held;
    }
    // Ended by an error, the texts not read would stay under the old key while agent_keys moved on.
    if (texts.query().lastError().isValid())
        return SearchFile::writeFailed(texts);
    texts.query().finish();
    SqlStatement update(m_index);
    if (!update.exec(QStringLiteral("UPDATE main.agent_keys SET key = ? WHERE ticket_id = ?"), {deskKey, ticketId}))
        return SearchFile::writeFailed(update);
    return {};
}

common::Result<void> AgentSearchTable::flush()
{
    const auto pending = std::exchange(m_pending, {});
    m_pendingBytes = 0;
    // In row id order: FTS5 writes what a transaction adds to its table in memory as long as
    // the row ids grow, and writes a new segment to disk whenever one is smaller than the last.
    for (auto text = pending.cbegin(); text != pending.cend(); ++text) {
        if (text->oldKey == text->newKey)
            continue;
        // A contentless table forgets a text by being given its words again.
        if (!text->oldKey.isEmpty()) {
            if (auto removed = write(true, text.key(), text->oldKey, *text); !removed)
                return removed;
        }
        if (auto added = write(false, text.key(), text->newKey, *text); !added)
            return added;
    }
    return {};
}

void AgentSearchTable::discard()
{
    m_pending.clear();
    m_pendingBytes = 0;
}

common::Result<void> AgentSearchTable::write(bool remove, qint64 agentRowId, const QString& key,
                                             const PendingText& text)
{
    SqlStatement query(m_index);
    const bool written =
        remove ? query.exec(QStringLiteral("INSERT INTO main.agent_search (agent_search, rowid, subject, body)"
                                           " VALUES ('delete', ?, ?, ?)"),
                            {agentRowId, prefixed(key, text.subjectWords), prefixed(key, text.bodyWords)})
               : query.exec(QStringLiteral("INSERT INTO main.agent_search (rowid, subject, body) VALUES (?, ?, ?)"),
                            {agentRowId, prefixed(key, text.subjectWords), prefixed(key, text.bodyWords)});
    if (!written)
        return SearchFile::writeFailed(query);
    return {};
}

} // namespace ccr::server
