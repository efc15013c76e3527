#pragma once

#include "RowCache.h"
#include "common/Result.h"
#include "common/tickets/CategoryInfo.h"

#include <QList>
#include <optional>

namespace ccr::server {

class Database;

/** The categories table. Names are unique regardless of case. */
class CategoryStore final
{
public:
    explicit CategoryStore(Database& database) : m_database(database), m_byId(database, QStringLiteral("categories")) {}

    common::Result<QList<common::CategoryInfo>> list(bool includeInactive) const;
    std::optional<common::CategoryInfo> find(qint64 id) const;
    /** Conflict if the name is taken. */
    common::Result<qint64> insert(const QString& name, const QDateTime& createdAt);
    common::Result<void> rename(qint64 id, const QString& name);
    common::Result<void> setActive(qint64 id, bool active);

private:
    Database& m_database;
    RowCache<common::CategoryInfo> m_byId;
};

} // namespace ccr::server
