#include "PreferenceStore.h"

#include "Database.h"
#include "SqlValues.h"

namespace ccr::server {

namespace {

common::Error storeError(const QSqlQuery& query)
{
    return SqlValues::failure(query, QStringLiteral("The notification settings could not be read or saved."));
}

} // namespace

common::Result<QList<common::NotificationKind>> PreferenceStore::optOuts(qint64 userId) const
{
    QSqlQuery query(m_database.connection());
    if (!SqlValues::exec(query, QStringLiteral("SELECT kind FROM notification_optouts WHERE user_id = ? ORDER BY kind"),
                         {userId}))
        return storeError(query);
    QList<common::NotificationKind> kinds;
    while (query.next()) {
        common::NotificationKind kind{};
        if (common::fromWireName(query.value(0).toString(), kind))
            kinds.append(kind);
    }
    return kinds;
}

bool PreferenceStore::hasOptedOut(qint64 userId, common::NotificationKind kind) const
{
    QSqlQuery query(m_database.connection());
    return SqlValues::exec(query,
                           QStringLiteral("SELECT 1 FROM notification_optouts WHERE user_id = ? AND kind = ?"),
                           {userId, common::wireName(kind)}) &&
           query.next();
}

common::Result<void> PreferenceStore::setOptOuts(qint64 userId, const QList<common::NotificationKind>& kinds)
{
    QSqlQuery clear(m_database.connection());
    if (!SqlValues::exec(clear, QStringLiteral("DELETE FROM notification_optouts WHERE user_id = ?"), {userId}))
        return storeError(clear);
    for (const auto kind : kinds) {
        QSqlQuery insert(m_database.connection());
        if (!SqlValues::exec(insert,
                             QStringLiteral("INSERT OR IGNORE INTO notification_optouts (user_id, kind) VALUES (?, ?)"),
                             {userId, common::wireName(kind)}))
            return storeError(insert);
    }
    return {};
}

} // namespace ccr::server
