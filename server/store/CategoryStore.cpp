#include "CategoryStore.h"

#include "Database.h"
#include "SqlStatement.h"
#include "SqlValues.h"
#include "common/WireTime.h"

#include <QSqlError>

namespace ccr::server {

using common::CategoryInfo;
using common::Error;
using common::ErrorCode;

namespace {

Error storeError(const QSqlQuery& query)
{
    if (query.lastError().databaseText().contains(QLatin1String("UNIQUE")))
        return Error(ErrorCode::Conflict, QStringLiteral("A category with this name already exists."));
    return SqlValues::failure(query, QStringLiteral("The categories could not be read or saved."));
}

} // namespace

common::Result<QList<CategoryInfo>> CategoryStore::list(bool includeInactive) const
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT id, name, active FROM categories WHERE ? OR active = 1"
                                   " ORDER BY name COLLATE NOCASE"),
                    {includeInactive}))
        return storeError(query);
    QList<CategoryInfo> categories;
    while (query.next())
        categories.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toBool()});
    return categories;
}

std::optional<CategoryInfo> CategoryStore::find(qint64 id) const
{
    if (auto kept = m_byId.find(id))
        return kept;
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT id, name, active FROM categories WHERE id = ?"), {id}) || !query.next())
        return std::nullopt;
    const CategoryInfo category{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toBool()};
    m_byId.keep(id, category);
    return category;
}

common::Result<qint64> CategoryStore::insert(const QString& name, const QDateTime& createdAt)
{
    m_byId.writing();
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("INSERT INTO categories (name, created_at) VALUES (?, ?)"),
                    {name, common::WireTime::toWire(createdAt)}))
        return storeError(query);
    return query.lastInsertId().toLongLong();
}

common::Result<void> CategoryStore::rename(qint64 id, const QString& name)
{
    m_byId.writing();
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("UPDATE categories SET name = ? WHERE id = ?"), {name, id}))
        return storeError(query);
    if (query.numRowsAffected() != 1)
        return Error(ErrorCode::NotFound);
    return {};
}

common::Result<void> CategoryStore::setActive(qint64 id, bool active)
{
    m_byId.writing();
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("UPDATE categories SET active = ? WHERE id = ?"), {active ? 1 : 0, id}))
        return storeError(query);
    if (query.numRowsAffected() != 1)
        return Error(ErrorCode::NotFound);
    return {};
}

} // namespace ccr::server
