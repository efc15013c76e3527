#pragma once

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

struct sqlite3;

namespace ccr::server {

/**
 * The SQLite connection behind a Qt one, for the few things Qt Sql has no call for (FTS5
 * functions and tokenizer, the log hook); nullptr if db is not a QSQLITE connection.
 */
inline sqlite3* sqliteHandle(const QSqlDatabase& db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

} // namespace ccr::server
