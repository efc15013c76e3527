#include "SearchIndex.h"

#include "AgentSearchTable.h"
#include "Database.h"
#include "SearchRanking.h"
#include "SqlStatement.h"
#include "SqlValues.h"
#include "StaffQuery.h"
#include "TicketQueryParts.h"

#include <QSqlError>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

Error storeError(const QSqlQuery& query)
{
    return SqlValues::failure(query, QStringLiteral("The search could not be completed."));
}

/** Words as SearchRanking splits them, and split at '_' too, which FTS5's unicode61 treats as a separator. */
QStringList indexWords(const QString& text)
{
    QStringList words;
    for (const auto& token : SearchRanking::tokens(text)) {
        if (token.contains(QLatin1Char('_')))
            words.append(token.split(QLatin1Char('_'), Qt::SkipEmptyParts));
        else
            words.append(token);
    }
    return words;
}

QString customerPrefix(qint64 customerId)
{
    // "c" + digits + "z": the first letter after the digits ends the id, so no two
    // customers' words can meet in one token.
    return SearchIndex::ownerToken(customerId) + QLatin1Char('z');
}

} // namespace

common::Result<void> SearchIndex::addTicket(qint64 ticketId)
{
    return add(ticketId, 0);
}

common::Result<void> SearchIndex::addMessage(qint64 ticketId, qint64 messageId, common::MessageKind kind)
{
    if (kind == common::MessageKind::System)
        return {};
    return add(ticketId, messageId);
}

common::Result<void> SearchIndex::add(qint64 ticketId, qint64 messageId)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("INSERT INTO search_queue (ticket_id, message_id) VALUES (?, ?)"),
                    {ticketId, messageId}))
        return storeError(query);
    if (m_onQueued)
        m_onQueued();
    return {};
}

common::Result<void> SearchIndex::addScopeChange(qint64 ticketId)
{
    return add(ticketId, kScopeChanged);
}

common::Result<void> SearchIndex::forgetIndexed(qint64 upTo)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("DELETE FROM search_queue WHERE id <= ?"), {upTo}))
        return storeError(query);
    return {};
}

common::Result<qint64> SearchIndex::newestQueued(const QString& schema)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT seq FROM %1.sqlite_sequence WHERE name = 'search_queue'").arg(schema)))
        return storeError(query);
    return query.next() ? query.value(0).toLongLong() : 0;
}

qint64 SearchIndex::textRowId(qint64 ticketId, qint64 messageId)
{
    return (ticketId << 32) | (messageId & 0xffffffff);
}

QString SearchIndex::ownerToken(qint64 customerId)
{
    return QStringLiteral("c") + QString::number(customerId);
}

QString SearchIndex::customerInsertStatement()
{
    return QStringLiteral("INSERT INTO customer_search (rowid, subject, body) VALUES (?, ?, ?)");
}

QVariantList SearchIndex::customerInsertValues(qint64 rowId, qint64 customerId, const QString& subject,
                                               const QString& body)
{
    const QString prefix = customerPrefix(customerId);
    auto terms = [&prefix](const QString& text) {
        QString owned;
        for (const auto& word : indexWords(text)) {
            owned += prefix;
            owned += word;
            owned += QLatin1Char(' ');
        }
        return owned;
    };
    return {rowId, terms(subject), terms(body)};
}

QString SearchIndex::customerMatchExpression(qint64 customerId, const QString& words)
{
    return StaffQuery::quotedTerms(indexWords(words), customerPrefix(customerId));
}

QString SearchIndex::toMatchExpression(const QString& words)
{
    return StaffQuery::asTyped(words);
}

common::Result<SearchHits> SearchIndex::search(const QString& words, const TicketScope& scope, bool includeInternal,
                                               int limit, int offset) const
{
    SearchHits hits;
    SearchRanking ranking;
    std::optional<int> rows;
    if (scope.customerId) {
        rows = rankCustomerTexts(words, scope, ranking);
    } else {
        const StaffQuery query = StaffQuery::fromTyped(m_database, words, kMaxExpansion);
        // agent_search holds every text staff may see, internal notes too; deleted tickets'
        // texts only under "dz", which no agent's query reads.
        rows = scope.agentId && includeInternal && !scope.includeDeleted && query.folded()
                   ? rankAgentTexts(query, scope, ranking)
                   : rankStaffTexts(query, scope, includeInternal, ranking);
    }
    if (!rows)
        return Error(ErrorCode::Internal, QStringLiteral("The search could not be completed."));
    const QList<qint64> ranked = ranking.ranked();
    hits.total = ranked.size();
    hits.capped = *rows > m_candidates;
    for (qsizetype i = offset; i < ranked.size() && i < qsizetype{offset} + limit; ++i)
        hits.ticketIds.append(ranked.at(i));
    return hits;
}

std::optional<int> SearchIndex::rankCustomerTexts(const QString& words, const TicketScope& scope,
                                                  SearchRanking& ranking) const
{
    const QString terms = customerMatchExpression(*scope.customerId, words);
    if (terms.isEmpty())
        return 0;
    TicketQueryParts parts;
    parts.add(QStringLiteral("customer_search MATCH ?"), {terms});
    QVariantList values{SearchRanking::kSubjectWeight};
    parts.addScope(scope, TicketQueryParts::ScopeUse::FilterOnly);
    values.append(parts.values);
    // One more than ranked: only then is it known that something was left out.
    values.append(m_candidates + 1);
    // Newest texts first, so that the LIMIT stops reading; the row id carries the ticket, so
    // no text is read, and bm25() weighs a subject hit as kSubjectWeight body hits.
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT customer_search.rowid >> 32, bm25(customer_search, ?, 1.0)"
                                   " FROM customer_search CROSS JOIN ") +
                        TicketQueryParts::ticketsForScope(scope) +
                        QStringLiteral(" ON t.id = customer_search.rowid >> 32") + parts.where() +
                        QStringLiteral(" ORDER BY customer_search.rowid DESC LIMIT ?"),
                    values)) {
        storeError(query);
        return std::nullopt;
    }
    int rows = 0;
    while (query.next() && ++rows <= m_candidates)
        ranking.addScored(query.value(0).toLongLong(), -query.value(1).toDouble()); // bm25: lower is better
    if (query.query().lastError().isValid()) {
        storeError(query);
        return std::nullopt;
    }
    return rows;
}

std::optional<int> SearchIndex::rankStaffTexts(const StaffQuery& query, const TicketScope& scope, bool includeInternal,
                                               SearchRanking& ranking) const
{
    if (query.isEmpty())
        return 0;
    TicketQueryParts parts;
    parts.add(QStringLiteral("ticket_search MATCH ?"), {query.expression()});
    // Only what is not searched is system messages, which are never indexed: with internal
    // notes allowed, no candidate's kind (a read of its stored row) needs checking.
    if (!includeInternal)
        parts.add(QStringLiteral("ticket_search.kind <> 'internal'"));
    parts.addScope(scope, TicketQueryParts::ScopeUse::FilterOnly);
    QVariantList values{SearchRanking::kSubjectWeight, query.expandedFrom(), query.phrases(), kTicketSearchSizes};
    values.append(parts.values);
    values.append(m_candidates + 1);
    // CROSS JOIN keeps the index as the outer loop, read newest first, so that the LIMIT
    // stops reading; the scope is checked on the way. ccr_hits counts each text's hits from
    // the positions FTS5 found, so no text is read.
    return rankHits(QStringLiteral("SELECT ticket_search.rowid >> 32, ccr_hits(ticket_search, ?, ?, ?, ?)"
                                   " FROM ticket_search CROSS JOIN ") +
                        TicketQueryParts::ticketsForScope(scope) +
                        QStringLiteral(" ON t.id = ticket_search.rowid >> 32") + parts.where() +
                        QStringLiteral(" ORDER BY ticket_search.rowid DESC LIMIT ?"),
                    values, ranking);
}

std::optional<int> SearchIndex::rankAgentTexts(const StaffQuery& query, const TicketScope& scope,
                                               SearchRanking& ranking) const
{
    if (query.isEmpty())
        return 0;
    // The agent's own tickets' words and, if they may see them, the unassigned ones': the keys
    // are the scope, so no candidate's ticket is read. Each branch has the same phrases, which
    // ccr_hits counts as one (its fourth argument).
    QString expression = query.expression(AgentSearchTable::agentKey(*scope.agentId));
    if (scope.includeUnassigned)
        expression = QLatin1Char('(') + expression + QStringLiteral(") OR (") +
                     query.expression(AgentSearchTable::unassignedKey()) + QLatin1Char(')');
    // Row ids are negated (AgentSearchTable::agentRowId): ascending is newest first.
    return rankHits(QStringLiteral("SELECT (-agent_search.rowid) >> 32, ccr_hits(agent_search, ?, ?, ?, ?)"
                                   " FROM agent_search WHERE agent_search MATCH ?"
                                   " ORDER BY agent_search.rowid LIMIT ?"),
                    {SearchRanking::kSubjectWeight, query.expandedFrom(), query.phrases(), kAgentSearchSizes,
                     expression, m_candidates + 1},
                    ranking);
}

std::optional<int> SearchIndex::rankHits(const QString& sql, const QVariantList& values, SearchRanking& ranking) const
{
    SqlStatement query(m_database);
    if (!query.exec(sql, values)) {
        storeError(query);
        return std::nullopt;
    }
    int rows = 0;
    while (query.next() && ++rows <= m_candidates)
        ranking.add(query.value(0).toLongLong(), SearchHitCounts::decode(query.value(1).toByteArray()));
    // A step that failed (ccr_hits reporting an error) ends the rows early, not with an empty result.
    if (query.query().lastError().isValid()) {
        storeError(query);
        return std::nullopt;
    }
    return rows;
}

} // namespace ccr::server
