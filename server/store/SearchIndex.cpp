#include "SearchIndex.h"

#include "Database.h"
#include "SearchRanking.h"
#include "SqlStatement.h"
#include "SqlValues.h"
#include "TicketQueryParts.h"

#include <QRegularExpression>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

Error storeError(const QSqlQuery& query)
{
    return SqlValues::failure(query, QStringLiteral("The search could not be completed."));
}

common::Result<void> insertRow(Database& database, const QString& subject, const QString& body, const QString& owner,
                               qint64 customerId, qint64 ticketId, const QString& kind)
{
    SqlStatement query(database);
    if (!query.exec(QStringLiteral("INSERT INTO ticket_search (subject, body, owner, ticket_id, kind)"
                                   " VALUES (?, ?, ?, ?, ?)"),
                    {SqlValues::text(subject), SqlValues::text(body), owner, ticketId, kind}))
        return storeError(query);
    if (owner.isEmpty())
        return {};
    SqlStatement customer(database);
    if (!customer.exec(
            SearchIndex::customerInsertStatement(),
            SearchIndex::customerInsertValues(query.lastInsertId().toLongLong(), ticketId, customerId, subject, body)))
        return storeError(customer);
    return {};
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

QString customerPrefix(qint64 customerId)
{
    // "c" + digits + "z": the first letter after the digits ends the id, so no two
    // customers' words can meet in one token.
    return SearchIndex::ownerToken(customerId) + QLatin1Char('z');
}

} // namespace

common::Result<void> SearchIndex::addTicket(qint64 ticketId, qint64 customerId, const QString& subject,
                                            const QString& description)
{
    return add(subject, description, ownerToken(customerId), customerId, ticketId, QStringLiteral("ticket"));
}

common::Result<void> SearchIndex::addMessage(qint64 ticketId, qint64 customerId, common::MessageKind kind,
                                             const QString& body)
{
    if (kind == common::MessageKind::System)
        return {};
    // Internal notes carry no owner: a customer's search can never reach them.
    const QString owner = kind == common::MessageKind::Internal ? QStringLiteral("") : ownerToken(customerId);
    return add({}, body, owner, customerId, ticketId, common::wireName(kind));
}

common::Result<void> SearchIndex::add(const QString& subject, const QString& body, const QString& owner,
                                      qint64 customerId, qint64 ticketId, const QString& kind)
{
    if (!m_onBacklog)
        return insertRow(m_database, subject, body, owner, customerId, ticketId, kind);
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("INSERT INTO search_backlog (subject, body, owner, customer_id, ticket_id, kind)"
                                   " VALUES (?, ?, ?, ?, ?, ?)"),
                    {SqlValues::text(subject), SqlValues::text(body), owner, customerId, ticketId, kind}))
        return storeError(query);
    m_onBacklog();
    return {};
}

common::Result<bool> SearchIndex::indexBacklog(int limit)
{
    SqlStatement backlog(m_database);
    if (!backlog.exec(QStringLiteral("SELECT id, subject, body, owner, customer_id, ticket_id, kind FROM search_backlog"
                                     " ORDER BY id LIMIT ?"),
                      {limit + 1}))
        return storeError(backlog);
    qint64 last = 0;
    int rows = 0;
    while (backlog.next() && ++rows <= limit) {
        last = backlog.value(0).toLongLong();
        if (auto added = insertRow(m_database, backlog.value(1).toString(), backlog.value(2).toString(),
                                   backlog.value(3).toString(), backlog.value(4).toLongLong(),
                                   backlog.value(5).toLongLong(), backlog.value(6).toString());
            !added)
            return added.error();
    }
    if (rows == 0)
        return false;
    SqlStatement done(m_database);
    if (!done.exec(QStringLiteral("DELETE FROM search_backlog WHERE id <= ?"), {last}))
        return storeError(done);
    return rows > limit;
}

QString SearchIndex::ownerToken(qint64 customerId)
{
    return QStringLiteral("c") + QString::number(customerId);
}

QString SearchIndex::customerInsertStatement()
{
    return QStringLiteral("INSERT INTO customer_search (rowid, subject, body) VALUES (?, ?, ?)");
}

QVariantList SearchIndex::customerInsertValues(qint64 searchRowId, qint64 ticketId, qint64 customerId,
                                               const QString& subject, const QString& body)
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
    return {(ticketId << 32) | (searchRowId & 0xffffffff), terms(subject), terms(body)};
}

QString SearchIndex::customerMatchExpression(qint64 customerId, const QString& words)
{
    return matchTerms(indexWords(words), customerPrefix(customerId));
}

QString SearchIndex::toMatchExpression(const QString& words)
{
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    return matchTerms(words.split(separators, Qt::SkipEmptyParts));
}

common::Result<SearchHits> SearchIndex::search(const QString& words, const TicketScope& scope, bool includeInternal,
                                               int limit, int offset) const
{
    SearchHits hits;
    SearchRanking ranking(words);
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
    parts.addScope(scope, TicketQueryParts::ScopeUse::FilterOnly);
    QVariantList values = parts.values;
    // One more than ranked: only then is it known that something was left out.
    values.append(m_candidates + 1);
    // Newest texts first, so that the LIMIT stops reading; the row id carries the ticket, so
    // no text is read, and bm25() weighs a subject hit as ten body hits.
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT customer_search.rowid >> 32, bm25(customer_search, 10.0, 1.0)"
                                   " FROM customer_search CROSS JOIN tickets t ON t.id = customer_search.rowid >> 32") +
                        parts.where() + QStringLiteral(" ORDER BY customer_search.rowid DESC LIMIT ?"),
                    values)) {
        storeError(query);
        return std::nullopt;
    }
    int rows = 0;
    while (query.next() && ++rows <= m_candidates)
        ranking.addScored(query.value(0).toLongLong(), -query.value(1).toDouble()); // bm25: lower is better
    return rows;
}

std::optional<int> SearchIndex::rankStaffTexts(const QString& words, const TicketScope& scope, bool includeInternal,
                                               SearchRanking& ranking) const
{
    const QString terms = toMatchExpression(words);
    if (terms.isEmpty())
        return 0;
    TicketQueryParts parts;
    // The words are looked for in subject and body only, never in the owner column.
    parts.add(QStringLiteral("ticket_search MATCH ?"),
              {QString(QStringLiteral("{subject body} : (") + terms + QLatin1Char(')'))});
    parts.add(includeInternal ? QStringLiteral("ticket_search.kind IN ('ticket', 'public', 'internal')")
                              : QStringLiteral("ticket_search.kind IN ('ticket', 'public')"));
    parts.addScope(scope, TicketQueryParts::ScopeUse::FilterOnly);
    QVariantList values = parts.values;
    values.append(m_candidates + 1);
    // CROSS JOIN keeps the index as the outer loop, read newest first, so that the LIMIT
    // stops reading; the scope is checked on the way.
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT ticket_search.ticket_id, ticket_search.subject, ticket_search.body"
                                   " FROM ticket_search CROSS JOIN tickets t ON t.id = ticket_search.ticket_id") +
                        parts.where() + QStringLiteral(" ORDER BY ticket_search.rowid DESC LIMIT ?"),
                    values)) {
        storeError(query);
        return std::nullopt;
    }
    int rows = 0;
    while (query.next() && ++rows <= m_candidates)
        ranking.add(query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString());
    return rows;
}

} // namespace ccr::server
