#pragma once

#include "store/Database.h"
#include "store/SqlStatement.h"

#include <QStringList>
#include <QVariantList>

namespace ccr::test {

/** SQLite's plan for a statement, one step per line (or the error if it cannot be planned). */
inline QString queryPlan(server::Database& db, const QString& sql, const QVariantList& values)
{
    server::SqlStatement explain(db);
    if (!explain.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql, values))
        return explain.lastError().text();
    QStringList steps;
    while (explain.next())
        steps.append(explain.value(3).toString());
    return steps.join(QLatin1Char('\n'));
}

} // namespace ccr::test
