#include "PreferenceStore.h"

#include "Database.h"
#include "SqlStatement.h"
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
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT kind FROM notification_optouts WHERE user_id = ? ORDER BY kind"), {userId}))
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
    SqlStatement query(m_database);
    return query.exec(QStringLiteral("SELECT 1 FROM notification_optouts WHERE user_id = ? AND kind = ?"),
                      {userId, common::wireName(kind)}) &&
           query.next();
}

common::Result<void> PreferenceStore::setOptOuts(qint64 userId, const QList<common::NotificationKind>& kinds)
{
    SqlStatement clear(m_database);
    if (!clear.exec(QStringLiteral("DELETE FROM notification_optouts WHERE user_id = ?"), {userId}))
        return storeError(clear);
    for (const auto kind : kinds) {
        SqlStatement insert(m_database);
        if (!insert.exec(QStringLiteral("INSERT OR IGNORE INTO notification_optouts (user_id, kind) VALUES (?, ?)"),
                         {userId, common::wireName(kind)}))
            return storeError(insert);
    }
    return {};
}

} // namespace ccr::server
