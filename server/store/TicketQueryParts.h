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

    void add(const QString& condition, const QVariantList& bound = {});
    void addScope(const TicketScope& scope);
    QString where() const;
};

/** SELECT list and joins that produce a ticket row, shared by every ticket query. */
extern const QString kTicketSelect;

} // namespace ccr::server
