#include "SearchIndex.h"

#include "Database.h"
#include "FtsTokenizer.h"
#include "SearchRanking.h"
#include "SqlStatement.h"
#include "SqlValues.h"
#include "TicketQueryParts.h"

#include <QRegularExpression>
#include <QSqlError>

#include <limits>

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

/** Quoted FTS5 strings, so operators and punctuation typed by a person are just text; the last one a prefix. */
QString matchTerms(const QStringList& words, const QString& prefix = {})
{
    QStringList terms;
    for (const auto& word : words)
        terms.append(QLatin1Char('"') + prefix + word + QLatin1Char('"'));
    if (!terms.isEmpty())
        terms.last().append(QLatin1Char('*'));
    return terms.join(QLatin1Char(' '));
}

QString quoted(const QString& word)
{
    QString escaped = word;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

/** The words typed, split at anything that is not a letter, digit or '_'. */
QStringList typedWords(const QString& words)
{
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    return words.split(separators, Qt::SkipEmptyParts);
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
    return matchTerms(indexWords(words), customerPrefix(customerId));
}

QString SearchIndex::toMatchExpression(const QString& words)
{
    return matchTerms(typedWords(words));
}

SearchIndex::StaffMatch SearchIndex::staffMatch(const QString& words) const
{
    const QStringList typed = typedWords(words);
    const StaffMatch asTyped{matchTerms(typed), std::numeric_limits<int>::max()};
    const FtsTokenizer* tokenizer = m_database.tokenizer();
    if (typed.isEmpty() || !tokenizer)
        return asTyped;
    const QList<QByteArray> folded = tokenizer->words(typed.last());
    if (folded.size() != 1)
        return asTyped; // "a_b" is a phrase of two words: FTS5's prefix search handles it
    const QString prefix = QString::fromUtf8(folded.constFirst());
    SqlStatement query(m_database);
    // Every word that begins with the prefix sorts from it up to it followed by the last code point.
    if (!query.exec(QStringLiteral("SELECT word FROM search_words WHERE word >= ? AND word < ? ORDER BY word LIMIT ?"),
                    {prefix, QString(prefix + QStringLiteral("\U0010FFFF")), kMaxExpansion + 1}))
        return asTyped;
    QStringList alternatives;
    while (query.next())
        alternatives.append(quoted(query.value(0).toString()));
    if (alternatives.isEmpty() || alternatives.size() > kMaxExpansion)
        return asTyped;
    QStringList terms;
    for (qsizetype i = 0; i + 1 < typed.size(); ++i) {
        // A word of no letters ("_") is no phrase: FTS5 would match nothing for it after AND.
        if (!tokenizer->words(typed.at(i)).isEmpty())
            terms.append(quoted(typed.at(i)));
    }
    terms.append(QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')'));
    return {terms.join(QStringLiteral(" AND ")), static_cast<int>(typed.size() - 1)};
}

common::Result<SearchHits> SearchIndex::search(const QString& words, const TicketScope& scope, bool includeInternal,
                                               int limit, int offset) const
{
    SearchHits hits;
    SearchRanking ranking;
    std::optional<int> rows = scope.customerId ? rankCustomerTexts(words, scope, ranking)
                                               : rankStaffTexts(words, scope, includeInternal, ranking);
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

std::optional<int> SearchIndex::rankStaffTexts(const QString& words, const TicketScope& scope, bool includeInternal,
                                               SearchRanking& ranking) const
{
    const StaffMatch match = staffMatch(words);
    if (match.expression.isEmpty())
        return 0;
    TicketQueryParts parts;
    parts.add(QStringLiteral("ticket_search MATCH ?"), {match.expression});
    // Only what is not searched is system messages, which are never indexed: with internal
    // notes allowed, no candidate's kind (a read of its stored row) needs checking.
    if (!includeInternal)
        parts.add(QStringLiteral("ticket_search.kind <> 'internal'"));
    parts.addScope(scope, TicketQueryParts::ScopeUse::FilterOnly);
    QVariantList values{SearchRanking::kSubjectWeight, match.expandedFrom};
    values.append(parts.values);
    values.append(m_candidates + 1);
    // CROSS JOIN keeps the index as the outer loop, read newest first, so that the LIMIT
    // stops reading; the scope is checked on the way. ccr_hits counts each text's hits from
    // the positions FTS5 found, so no text is read.
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT ticket_search.rowid >> 32, ccr_hits(ticket_search, ?, ?)"
                                   " FROM ticket_search CROSS JOIN ") +
                        TicketQueryParts::ticketsForScope(scope) +
                        QStringLiteral(" ON t.id = ticket_search.rowid >> 32") + parts.where() +
                        QStringLiteral(" ORDER BY ticket_search.rowid DESC LIMIT ?"),
                    values)) {
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
