#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace ccr::server {

/** How hard SQLite works to keep a commit: Normal survives a process crash, Full a power loss. */
enum class Durability
{
    Normal,
    Full,
};

/**
 * Owns the SQLite connection of one server instance: opens the file in WAL mode, applies
 * pending migrations and refuses a database written by a newer server. All SQL of the
 * server lives in this folder; other layers only see the store classes.
 */
class Database final
{
    Q_DISABLE_COPY_MOVE(Database)
public:
    Database();
    ~Database();

    common::Result<void> open(const QString& filePath, Durability durability = Durability::Normal);
    void close();

    QSqlDatabase& connection() { return m_db; }
    int schemaVersion() const;
    QString filePath() const { return m_filePath; }

private:
    QString m_connectionName;
    QString m_filePath;
    QSqlDatabase m_db;
};

} // namespace ccr::server
