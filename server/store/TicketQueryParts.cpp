#include "TicketQueryParts.h"

namespace ccr::server {

const QString kTicketSelect = QStringLiteral(
    "SELECT t.id, t.subject, t.description, t.category_id, c.name, t.priority, t.status, t.customer_id,"
    " cu.display_name, t.agent_id, ag.display_name, t.created_at, t.updated_at, t.first_response_at,"
    " t.resolved_at, t.closed_at, t.resolution, t.version, t.deleted_at IS NOT NULL, t.rating, t.rating_comment,"
    " t.rated_at"
    " FROM tickets t JOIN categories c ON c.id = t.category_id JOIN users cu ON cu.id = t.customer_id"
    " LEFT JOIN users ag ON ag.id = t.agent_id ");

void TicketQueryParts::add(const QString& condition, const QVariantList& bound)
{
    conditions.append(condition);
    values.append(bound);
}

void TicketQueryParts::addScope(const TicketScope& scope, ScopeUse use)
{
    // A unary + keeps SQLite from reading the customer or agent index for the condition: for
    // tickets found by id, the agent's "own or unassigned" read through tickets_agent was a
    // scan of hundreds of thousands of entries at a million tickets instead of 20 lookups.
    const QString column = use == ScopeUse::FilterOnly ? QStringLiteral("+t.") : QStringLiteral("t.");
    if (!scope.includeDeleted)
        add(QStringLiteral("t.deleted_at IS NULL"));
    if (scope.customerId)
        add(column + QStringLiteral("customer_id = ?"), {*scope.customerId});
    if (scope.agentId) {
        if (scope.includeUnassigned)
            add(QStringLiteral("(") + column + QStringLiteral("agent_id = ? OR ") + column +
                    QStringLiteral("agent_id IS NULL)"),
                {*scope.agentId});
        else
            add(column + QStringLiteral("agent_id = ?"), {*scope.agentId});
    }
}

QString TicketQueryParts::ticketsForScope(const TicketScope& scope)
{
    // SQLite picks the table's own rows for "t.id = ?" on its own; the index is partial, so
    // it can only be named when the query leaves deleted tickets out.
    return scope.includeDeleted ? QStringLiteral("tickets t") : QStringLiteral("tickets t INDEXED BY tickets_scope");
}

QString TicketQueryParts::where() const
{
    return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

} // namespace ccr::server
