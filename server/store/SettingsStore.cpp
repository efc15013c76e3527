#include "SettingsStore.h"

#include "Database.h"
#include "SqlStatement.h"
#include "SqlValues.h"

namespace ccr::server {

QString SettingsStore::value(const QString& key, const QString& fallback) const
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key}) || !query.next())
        return fallback;
    return query.value(0).toString();
}

common::Result<void> SettingsStore::setValue(const QString& key, const QString& value)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                                   " ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                    {key, value}))
        return SqlValues::failure(query, QStringLiteral("The setting could not be saved."));
    return {};
}

} // namespace ccr::server
