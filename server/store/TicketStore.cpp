#include "TicketStore.h"

#include "Database.h"
#include "SqlStatement.h"
#include "SqlValues.h"
#include "TicketListCursor.h"
#include "TicketListPlan.h"
#include "TicketQueryParts.h"
#include "common/TicketNumber.h"
#include "common/WireTime.h"

#include <QCborArray>
#include <QSqlError>
#include <QSqlQuery>

namespace ccr::server {

using common::Error;
using common::ErrorCode;
using common::TicketInfo;
using common::WireTime::fromWire;
using common::WireTime::toWire;

namespace {

constexpr int kMaxPageSize = 200;

TicketInfo readTicket(const QSqlQuery& query)
{
    TicketInfo ticket;
    ticket.id = query.value(0).toLongLong();
    ticket.number = common::TicketNumber::format(ticket.id);
    ticket.subject = query.value(1).toString();
    ticket.description = query.value(2).toString();
    ticket.categoryId = query.value(3).toLongLong();
    ticket.categoryName = query.value(4).toString();
    ticket.priority = static_cast<common::TicketPriority>(query.value(5).toInt());
    ticket.status = static_cast<common::TicketStatus>(query.value(6).toInt());
    ticket.customerId = query.value(7).toLongLong();
    ticket.customerName = query.value(8).toString();
    ticket.agentId = query.value(9).toLongLong();
    ticket.agentName = query.value(10).toString();
    ticket.createdAt = fromWire(query.value(11).toLongLong());
    ticket.updatedAt = fromWire(query.value(12).toLongLong());
    ticket.firstResponseAt = fromWire(query.value(13).toLongLong());
    ticket.resolvedAt = fromWire(query.value(14).toLongLong());
    ticket.closedAt = fromWire(query.value(15).toLongLong());
    ticket.resolution = query.value(16).toString();
    ticket.version = query.value(17).toLongLong();
    ticket.deleted = query.value(18).toBool();
    ticket.rating = query.value(19).toInt();
    ticket.ratingComment = query.value(20).toString();
    ticket.ratedAt = fromWire(query.value(21).toLongLong());
    return ticket;
}

Error storeError(const QSqlQuery& query)
{
    return SqlValues::failure(query, QStringLiteral("The ticket store could not complete the request."));
}

// With FilterOnly the agent column gets a unary +, as in the scope: a page read by walking
// the sort column's index must not be read through tickets_agent instead.
void addFilters(TicketQueryParts& parts, const common::ListTicketsParams& params, TicketQueryParts::ScopeUse use)
{
    const QString agent =
        use == TicketQueryParts::ScopeUse::FilterOnly ? QStringLiteral("+t.agent_id") : QStringLiteral("t.agent_id");
    auto addIn = [&parts](const QString& column, const QVariantList& values) {
        if (values.isEmpty())
            return;
        QStringList marks(values.size(), QStringLiteral("?"));
        parts.add(column + QStringLiteral(" IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')'), values);
    };
    QVariantList statuses, priorities, categories;
    for (const auto status : params.statuses)
        statuses.append(static_cast<int>(status));
    for (const auto priority : params.priorities)
        priorities.append(static_cast<int>(priority));
    for (const auto category : params.categoryIds)
        categories.append(category);
    addIn(QStringLiteral("t.status"), statuses);
    addIn(QStringLiteral("t.priority"), priorities);
    addIn(QStringLiteral("t.category_id"), categories);
    if (params.unassignedOnly)
        parts.add(agent + QStringLiteral(" IS NULL"));
    else if (params.agentId > 0)
        parts.add(agent + QStringLiteral(" = ?"), {params.agentId});
    if (params.customerId > 0)
        parts.add(QStringLiteral("t.customer_id = ?"), {params.customerId});
    if (params.createdFrom.isValid())
        parts.add(QStringLiteral("t.created_at >= ?"), {toWire(params.createdFrom)});
    if (params.createdTo.isValid())
        parts.add(QStringLiteral("t.created_at < ?"), {toWire(params.createdTo)});
}

QList<common::CountEntry> countBy(SqlStatement& query)
{
    QList<common::CountEntry> entries;
    while (query.next())
        entries.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong()});
    return entries;
}

} // namespace

common::Result<qint64> TicketStore::insert(const NewTicket& ticket)
{
    SqlStatement query(m_database);
    if (!query.exec(
            QStringLiteral("INSERT INTO tickets (customer_id, category_id, priority, status, subject, description,"
                           " created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?)"),
            {ticket.customerId, ticket.categoryId, static_cast<int>(ticket.priority), ticket.subject,
             ticket.description, toWire(ticket.createdAt), toWire(ticket.createdAt)}))
        return storeError(query);
    return query.lastInsertId().toLongLong();
}

TicketInfo TicketStore::inserted(qint64 id, const NewTicket& row, const QString& customerName,
                                 const QString& categoryName)
{
    TicketInfo ticket;
    ticket.id = id;
    ticket.number = common::TicketNumber::format(id);
    ticket.subject = row.subject;
    ticket.description = row.description;
    ticket.categoryId = row.categoryId;
    ticket.categoryName = categoryName;
    ticket.priority = row.priority;
    ticket.status = common::TicketStatus::New;
    ticket.customerId = row.customerId;
    ticket.customerName = customerName;
    // As the columns give them back: times at wire precision, unset ones as NULL reads.
    ticket.createdAt = fromWire(toWire(row.createdAt));
    ticket.updatedAt = ticket.createdAt;
    ticket.firstResponseAt = fromWire(0);
    ticket.resolvedAt = fromWire(0);
    ticket.closedAt = fromWire(0);
    ticket.ratedAt = fromWire(0);
    ticket.version = 1;
    return ticket;
}

std::optional<TicketInfo> TicketStore::find(qint64 id) const
{
    SqlStatement query(m_database);
    if (!query.exec(kTicketSelect + QStringLiteral("WHERE t.id = ?"), {id}) || !query.next())
        return std::nullopt;
    return readTicket(query);
}

common::Result<void> TicketStore::save(const TicketInfo& ticket, const QDateTime& updatedAt)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("UPDATE tickets SET agent_id = ?, category_id = ?, priority = ?, status = ?,"
                                   " resolution = ?, updated_at = ?, first_response_at = ?, resolved_at = ?,"
                                   " closed_at = ?, rating = ?, rating_comment = ?, rated_at = ?, version = version + 1"
                                   " WHERE id = ? AND version = ?"),
                    {SqlValues::optionalId(ticket.agentId), ticket.categoryId, static_cast<int>(ticket.priority),
                     static_cast<int>(ticket.status), SqlValues::text(ticket.resolution), toWire(updatedAt),
                     SqlValues::optionalTime(ticket.firstResponseAt), SqlValues::optionalTime(ticket.resolvedAt),
                     SqlValues::optionalTime(ticket.closedAt), ticket.rating, SqlValues::text(ticket.ratingComment),
                     SqlValues::optionalTime(ticket.ratedAt), ticket.id, ticket.version}))
        return storeError(query);
    if (query.numRowsAffected() != 1)
        return Error(ErrorCode::Conflict, QStringLiteral("The ticket was changed by someone else; reload it."));
    return {};
}

common::Result<void> TicketStore::setDeleted(qint64 id, std::optional<qint64> deletedBy, const QDateTime& at)
{
    SqlStatement query(m_database);
    const bool ok = deletedBy
                        ? query.exec(QStringLiteral("UPDATE tickets SET deleted_at = ?, deleted_by = ?, updated_at = ?,"
                                                    " version = version + 1 WHERE id = ?"),
                                     {toWire(at), *deletedBy, toWire(at), id})
                        : query.exec(QStringLiteral("UPDATE tickets SET deleted_at = NULL, deleted_by = NULL,"
                                                    " updated_at = ?, version = version + 1 WHERE id = ?"),
                                     {toWire(at), id});
    if (!ok)
        return storeError(query);
    return {};
}

common::Result<common::TicketPage> TicketStore::list(const common::ListTicketsParams& params,
                                                     const TicketScope& scope) const
{
    const auto plan = TicketListPlan::decide(m_database, params, scope);
    if (!plan)
        return plan.error();
    return list(params, scope, plan.value());
}

common::Result<TicketStore::PageQuery> TicketStore::pageQuery(const common::ListTicketsParams& params,
                                                              const TicketScope& scope, const TicketListPlan& plan)
{
    const QString column = TicketListCursor::sortColumn(params.sort);
    if (column.isEmpty())
        return Error(ErrorCode::InvalidParams,
                     QStringLiteral("sort must be created, updated, priority, status or number."));
    if (params.limit < 1 || params.limit > kMaxPageSize)
        return Error(ErrorCode::InvalidParams, QStringLiteral("limit must be from 1 to %1.").arg(kMaxPageSize));
    TicketQueryParts parts;
    parts.addScope(scope, plan.pageScope());
    addFilters(parts, params, plan.pageScope());
    if (!params.cursor.isEmpty()) {
        const auto position = TicketListCursor::decode(params);
        if (!position)
            return Error(ErrorCode::InvalidParams,
                         QStringLiteral("The cursor is not one this server handed out for this sort order."));
        const QString op = params.ascending ? QStringLiteral(">") : QStringLiteral("<");
        // The first term alone lets SQLite start the sort index's walk at the cursor.
        parts.add(QStringLiteral("%1 %2= ? AND (%1 %2 ? OR (%1 = ? AND t.id %2 ?))").arg(column, op),
                  {position->first, position->first, position->first, position->second});
    }
    const QString direction = params.ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    PageQuery query{kTicketSelect + parts.where() + QStringLiteral(" ORDER BY ") + column + direction +
                        QStringLiteral(", t.id") + direction + QStringLiteral(" LIMIT ?"),
                    parts.values};
    query.values.append(params.limit + 1);
    return query;
}

common::Result<common::TicketPage> TicketStore::list(const common::ListTicketsParams& params, const TicketScope& scope,
                                                     const TicketListPlan& plan) const
{
    const auto pageSql = pageQuery(params, scope, plan);
    if (!pageSql)
        return pageSql.error();
    common::TicketPage page;
    if (const auto tallied = plan.talliedTotal()) {
        page.total = *tallied;
    } else {
        TicketQueryParts counted;
        counted.addScope(scope);
        addFilters(counted, params, TicketQueryParts::ScopeUse::PickIndex);
        SqlStatement count(m_database);
        if (!count.exec(QStringLiteral("SELECT COUNT(*) FROM tickets t") + counted.where(), counted.values) ||
            !count.next())
            return storeError(count);
        page.total = count.value(0).toLongLong();
    }
    SqlStatement query(m_database);
    if (!query.exec(pageSql->sql, pageSql->values))
        return storeError(query);
    while (query.next())
        page.tickets.append(readTicket(query));
    if (page.tickets.size() > params.limit) {
        page.tickets.removeLast();
        const auto& last = page.tickets.constLast();
        page.nextCursor = TicketListCursor::encode(params, TicketListCursor::sortValue(last, params.sort), last.id);
    }
    return page;
}

common::Result<QList<TicketInfo>> TicketStore::findMany(const QList<qint64>& ids, const TicketScope& scope) const
{
    QList<TicketInfo> tickets;
    if (ids.isEmpty())
        return tickets;
    TicketQueryParts parts;
    parts.addScope(scope, TicketQueryParts::ScopeUse::FilterOnly);
    QVariantList idValues;
    for (const qint64 id : ids)
        idValues.append(id);
    parts.add(QStringLiteral("t.id IN (") + QStringList(ids.size(), QStringLiteral("?")).join(QLatin1Char(',')) +
                  QLatin1Char(')'),
              idValues);
    SqlStatement query(m_database);
    if (!query.exec(kTicketSelect + parts.where(), parts.values))
        return storeError(query);
    QHash<qint64, TicketInfo> byId;
    while (query.next()) {
        auto ticket = readTicket(query);
        byId.insert(ticket.id, ticket);
    }
    for (const qint64 id : ids) {
        if (byId.contains(id))
            tickets.append(byId.value(id));
    }
    return tickets;
}

common::Result<common::TicketCounts> TicketStore::counts(const TicketScope& scope) const
{
    if (!scope.customerId && !scope.agentId && !scope.includeDeleted)
        return talliedCounts();
    TicketQueryParts parts;
    parts.addScope(scope);
    const QString from = QStringLiteral(" FROM tickets t") + parts.where();
    common::TicketCounts counts;
    struct Grouping
    {
        QString select;
        QString groupBy;
        QList<common::CountEntry>* target;
    };
    const Grouping groupings[] = {
        {QStringLiteral("SELECT t.status, '', COUNT(*)"), QStringLiteral(" GROUP BY t.status"), &counts.byStatus},
        {QStringLiteral("SELECT t.priority, '', COUNT(*)"), QStringLiteral(" GROUP BY t.priority"), &counts.byPriority},
        {QStringLiteral("SELECT t.category_id, (SELECT name FROM categories WHERE id = t.category_id), COUNT(*)"),
         QStringLiteral(" GROUP BY t.category_id"), &counts.byCategory},
        {QStringLiteral("SELECT COALESCE(t.agent_id, 0), COALESCE((SELECT display_name FROM users WHERE id = "
                        "t.agent_id), ''), COUNT(*)"),
         QStringLiteral(" GROUP BY t.agent_id"), &counts.byAgent},
    };
    for (const auto& grouping : groupings) {
        SqlStatement query(m_database);
        if (!query.exec(grouping.select + from + grouping.groupBy, parts.values))
            return storeError(query);
        *grouping.target = countBy(query);
    }
    // Status and priority travel by name, like everywhere else on the wire.
    for (auto& entry : counts.byStatus)
        entry.key = common::wireName(static_cast<common::TicketStatus>(entry.key.toInt()));
    for (auto& entry : counts.byPriority)
        entry.key = common::wireName(static_cast<common::TicketPriority>(entry.key.toInt()));
    return counts;
}

common::Result<common::TicketCounts> TicketStore::talliedCounts() const
{
    // Same rows, names and order as the GROUP BY queries, read from what the triggers keep.
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT dimension, key, CASE dimension"
                                   " WHEN 'category' THEN (SELECT name FROM categories WHERE id = key)"
                                   " WHEN 'agent' THEN COALESCE((SELECT display_name FROM users WHERE id = key), '')"
                                   " ELSE '' END, count FROM ticket_tallies WHERE count > 0"
                                   " ORDER BY dimension, key"),
                    {}))
        return storeError(query);
    common::TicketCounts counts;
    while (query.next()) {
        const QString dimension = query.value(0).toString();
        const qint64 key = query.value(1).toLongLong();
        common::CountEntry entry{QString::number(key), query.value(2).toString(), query.value(3).toLongLong()};
        if (dimension == QLatin1String("status")) {
            entry.key = common::wireName(static_cast<common::TicketStatus>(key));
            counts.byStatus.append(entry);
        } else if (dimension == QLatin1String("priority")) {
            entry.key = common::wireName(static_cast<common::TicketPriority>(key));
            counts.byPriority.append(entry);
        } else if (dimension == QLatin1String("category")) {
            counts.byCategory.append(entry);
        } else {
            counts.byAgent.append(entry);
        }
    }
    return counts;
}

common::Result<QHash<qint64, qint64>> TicketStore::openLoadByAgent() const
{
    SqlStatement query(m_database);
    if (!query.exec(
            QStringLiteral("SELECT agent_id, COUNT(*) FROM tickets WHERE agent_id IS NOT NULL AND deleted_at IS "
                           "NULL AND status IN (1, 2, 3) GROUP BY agent_id"),
            {}))
        return storeError(query);
    QHash<qint64, qint64> load;
    while (query.next())
        load.insert(query.value(0).toLongLong(), query.value(1).toLongLong());
    return load;
}

} // namespace ccr::server
