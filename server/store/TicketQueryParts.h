#pragma once

#include "TicketScope.h"

#include <QString>
#include <QVariantList>

namespace ccr::server {

/** A WHERE clause under construction with its bound values, so no value is ever spliced into SQL. */
struct TicketQueryParts
{
    QStringList conditions;
    QVariantList values;

    /** Whether SQLite may pick an index for the scope (lists) or must only filter rows found by id with it. */
    enum class ScopeUse
    {
        PickIndex,
        FilterOnly,
    };

    void add(const QString& condition, const QVariantList& bound = {});
    void addScope(const TicketScope& scope, ScopeUse use = ScopeUse::PickIndex);
    QString where() const;

    /**
     * "tickets t", read through the covering index tickets_scope when the scope leaves
     * deleted tickets out: for queries that find tickets by id elsewhere (the search index)
     * and only check the scope here, with ScopeUse::FilterOnly.
     */
    static QString ticketsForScope(const TicketScope& scope);
};

/** SELECT list and joins that produce a ticket row, shared by every ticket query. */
extern const QString kTicketSelect;

} // namespace ccr::server
