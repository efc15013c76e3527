#include "SearchIndex.h"

#include "Database.h"
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

common::Result<void> insertRow(Database& database, const QString& subject, const QString& body, qint64 ticketId,
                               const QString& kind)
{
    QSqlQuery query(database.connection());
    if (!SqlValues::exec(query,
                         QStringLiteral("INSERT INTO ticket_search (subject, body, ticket_id, kind) VALUES (?, ?, ?, ?)"),
                         {SqlValues::text(subject), SqlValues::text(body), ticketId, kind}))
        return storeError(query);
    return {};
}

} // namespace

common::Result<void> SearchIndex::addTicket(qint64 ticketId, const QString& subject, const QString& description)
{
    return insertRow(m_database, subject, description, ticketId, QStringLiteral("ticket"));
}

common::Result<void> SearchIndex::addMessage(qint64 ticketId, common::MessageKind kind, const QString& body)
{
    if (kind == common::MessageKind::System)
        return {};
    return insertRow(m_database, {}, body, ticketId, common::wireName(kind));
}

QString SearchIndex::toMatchExpression(const QString& words)
{
    // Words become quoted FTS5 strings, so operators and punctuation typed by a person are just text.
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"), QRegularExpression::UseUnicodePropertiesOption);
    const QStringList tokens = words.split(separators, Qt::SkipEmptyParts);
    QStringList terms;
    for (const auto& token : tokens)
        terms.append(QLatin1Char('"') + token + QLatin1Char('"'));
    if (!terms.isEmpty())
        terms.last().append(QLatin1Char('*'));
    return terms.join(QLatin1Char(' '));
}

common::Result<SearchHits> SearchIndex::search(const QString& words, const TicketScope& scope, bool includeInternal,
                                               int limit, int offset) const
{
    const QString match = toMatchExpression(words);
    SearchHits hits;
    if (match.isEmpty())
        return hits;

    TicketQueryParts parts;
    parts.addScope(scope);
    QVariantList values{match};
    values.append(parts.values);
    const QString kinds = includeInternal ? QStringLiteral("('ticket', 'public', 'internal')")
                                          : QStringLiteral("('ticket', 'public')");
    // MATERIALIZED keeps SQLite from flattening the match into the outer query, where bm25()
    // is not allowed ("unable to use function bm25 in the requested context").
    const QString matches = QStringLiteral("WITH s AS MATERIALIZED (SELECT ticket_id, bm25(ticket_search, 10.0, 1.0)"
                                           " AS score FROM ticket_search WHERE ticket_search MATCH ? AND kind IN ") +
                            kinds + QStringLiteral(") ");
    const QString perTicket = QStringLiteral("SELECT s.ticket_id AS id, MIN(s.score) AS score FROM s"
                                             " JOIN tickets t ON t.id = s.ticket_id") +
                              parts.where() + QStringLiteral(" GROUP BY s.ticket_id");

    QSqlQuery count(m_database.connection());
    if (!SqlValues::exec(count, matches + QStringLiteral("SELECT COUNT(*) FROM (") + perTicket + QLatin1Char(')'),
                         values) ||
        !count.next())
        return storeError(count);
    hits.total = count.value(0).toLongLong();

    QSqlQuery query(m_database.connection());
    values.append(limit);
    values.append(offset);
    if (!SqlValues::exec(query, matches + perTicket + QStringLiteral(" ORDER BY score, id DESC LIMIT ? OFFSET ?"),
                         values))
        return storeError(query);
    while (query.next())
        hits.ticketIds.append(query.value(0).toLongLong());
    return hits;
}

} // namespace ccr::server
