#pragma once

#include <QSqlDatabase>
#include <QString>

namespace ccr::server {

class Database;
class GroupCommit;

/**
 * Begins a write transaction (BEGIN IMMEDIATE) and rolls it back unless commit() succeeded.
 * On a Database with group commit it is a savepoint in the shared transaction instead:
 * commit() keeps its changes for the shared commit, which GroupCommit makes durable before
 * anyone is told.
 */
class Transaction final
{
    Q_DISABLE_COPY_MOVE(Transaction)
public:
    explicit Transaction(QSqlDatabase& db);
    explicit Transaction(Database& database);
    ~Transaction();

    bool isActive() const { return m_active; }
    bool commit();

private:
    void begin();

    QSqlDatabase& m_db;
    GroupCommit* m_group = nullptr;
    QString m_savepoint;
    bool m_active = false;
};

} // namespace ccr::server
