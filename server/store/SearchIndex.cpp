#include "SearchIndex.h"

#include "Database.h"
#include "SearchRanking.h"
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
                               qint64 ticketId, const QString& kind)
{
    QSqlQuery query(database.connection());
    if (!SqlValues::exec(query,
                         QStringLiteral("INSERT INTO ticket_search (subject, body, owner, ticket_id, kind)"
                                        " VALUES (?, ?, ?, ?, ?)"),
                         {SqlValues::text(subject), SqlValues::text(body), owner, ticketId, kind}))
        return storeError(query);
    return {};
}

} // namespace

common::Result<void> SearchIndex::addTicket(qint64 ticketId, qint64 customerId, const QString& subject,
                                            const QString& description)
{
    return insertRow(m_database, subject, description, ownerToken(customerId), ticketId, QStringLiteral("ticket"));
}

common::Result<void> SearchIndex::addMessage(qint64 ticketId, qint64 customerId, common::MessageKind kind,
                                             const QString& body)
{
    if (kind == common::MessageKind::System)
        return {};
    // Internal notes carry no owner: a customer's search can never reach them.
    const QString owner = kind == common::MessageKind::Internal ? QStringLiteral("") : ownerToken(customerId);
    return insertRow(m_database, {}, body, owner, ticketId, common::wireName(kind));
}

QString SearchIndex::ownerToken(qint64 customerId)
{
    return QStringLiteral("c") + QString::number(customerId);
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
    const QString terms = toMatchExpression(words);
    SearchHits hits;
    if (terms.isEmpty())
        return hits;
    // The words are looked for in subject and body only, never in the owner column.
    QString match = QStringLiteral("{subject body} : (") + terms + QLatin1Char(')');
    if (scope.customerId)
        match += QStringLiteral(" AND owner : \"") + ownerToken(*scope.customerId) + QLatin1Char('"');

    TicketQueryParts parts;
    parts.add(QStringLiteral("ticket_search MATCH ?"), {match});
    parts.add(includeInternal ? QStringLiteral("ticket_search.kind IN ('ticket', 'public', 'internal')")
                              : QStringLiteral("ticket_search.kind IN ('ticket', 'public')"));
    parts.addScope(scope);
    QVariantList values = parts.values;
    // One more than ranked: only then is it known that something was left out.
    values.append(m_candidates + 1);
    // CROSS JOIN keeps the index as the outer loop, read newest first, so that the LIMIT
    // stops reading; the scope is checked on the way. Ranking the candidates happens here.
    QSqlQuery query(m_database.connection());
    if (!SqlValues::exec(query,
                         QStringLiteral("SELECT ticket_search.ticket_id, ticket_search.subject, ticket_search.body"
                                        " FROM ticket_search CROSS JOIN tickets t ON t.id = ticket_search.ticket_id") +
                             parts.where() + QStringLiteral(" ORDER BY ticket_search.rowid DESC LIMIT ?"),
                         values))
        return storeError(query);
    SearchRanking ranking(words);
    int rows = 0;
    while (query.next()) {
        if (++rows > m_candidates)
            break;
        ranking.add(query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString());
    }
    const QList<qint64> ranked = ranking.ranked();
    hits.total = ranked.size();
    hits.capped = rows > m_candidates;
    for (qsizetype i = offset; i < ranked.size() && i < qsizetype{offset} + limit; ++i)
        hits.ticketIds.append(ranked.at(i));
    return hits;
}

} // namespace ccr::server
