#include "TallyTriggers.h"

#include <QList>
#include <utility>

namespace ccr::server::TallyTriggers {

/**
 * A trigger that keeps ticket_tallies: takes the old row's values away (if it was live) and
 * adds the new row's (if it is live). Either side may be absent.
 */
QString byOr(const QString& name, const QString& when, const QString& before, const QString& after)
{
    auto keys = [](const QString& row) {
        return QStringLiteral("(dimension = 'status' AND key = %1.status) OR (dimension = 'priority' AND key = "
                              "%1.priority) OR (dimension = 'category' AND key = %1.category_id) OR (dimension = "
                              "'agent' AND key = COALESCE(%1.agent_id, 0))")
            .arg(row);
    };
    QString body;
    if (!before.isEmpty())
        body += QStringLiteral(" UPDATE ticket_tallies SET count = count - 1 WHERE %1.deleted_at IS NULL AND (")
                    .arg(before) +
                keys(before) + QStringLiteral(");");
    if (!after.isEmpty())
        body += QStringLiteral(" INSERT OR IGNORE INTO ticket_tallies VALUES ('status', %1.status, 0),"
                               " ('priority', %1.priority, 0), ('category', %1.category_id, 0),"
                               " ('agent', COALESCE(%1.agent_id, 0), 0);"
                               " UPDATE ticket_tallies SET count = count + 1 WHERE %1.deleted_at IS NULL AND (")
                    .arg(after) +
                keys(after) + QStringLiteral(");");
    return QStringLiteral("CREATE TRIGGER ") + name + QLatin1Char(' ') + when + QStringLiteral(" BEGIN") + body +
           QStringLiteral(" END");
}

/**
 * Schema 8's tally triggers: one statement per dimension, each finding its row by the primary
 * key. Schema 5's multi-row VALUES and OR of four keys made SQLite build two temporary tables
 * per ticket written (a page cache allocated, touched and freed each time): an eighth of a
 * ticket's creation.
 */
QString byKey(const QString& name, const QString& when, const QString& before, const QString& after)
{
    const QList<std::pair<QString, QString>> dimensions = {
        {QStringLiteral("status"), QStringLiteral("%1.status")},
        {QStringLiteral("priority"), QStringLiteral("%1.priority")},
        {QStringLiteral("category"), QStringLiteral("%1.category_id")},
        {QStringLiteral("agent"), QStringLiteral("COALESCE(%1.agent_id, 0)")}};
    QString body;
    for (const auto& [dimension, key] : dimensions) {
        if (!before.isEmpty())
            body += QStringLiteral(" UPDATE ticket_tallies SET count = count - 1 WHERE %1.deleted_at IS NULL AND"
                                   " dimension = '%2' AND key = %3;")
                        .arg(before, dimension, key.arg(before));
        if (!after.isEmpty())
            body +=
                QStringLiteral(" INSERT INTO ticket_tallies (dimension, key, count) SELECT '%2', %3, 1 WHERE"
                               " %1.deleted_at IS NULL ON CONFLICT (dimension, key) DO UPDATE SET count = count + 1;")
                    .arg(after, dimension, key.arg(after));
    }
    return QStringLiteral("CREATE TRIGGER ") + name + QLatin1Char(' ') + when + QStringLiteral(" BEGIN") + body +
           QStringLiteral(" END");
}

} // namespace ccr::server::TallyTriggers
