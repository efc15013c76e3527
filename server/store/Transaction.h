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
    enum class Begin
    {
        Immediate, // the write lock up front, so the transaction never fails half-way on SQLITE_BUSY
        // Locks taken as statements need them. For a connection that is the only writer of its
        // file: IMMEDIATE would also begin a read of every database attached read-only, and hold
        // that snapshot until the commit.
        Deferred,
    };

    explicit Transaction(QSqlDatabase& db, Begin begin = Begin::Immediate);
    explicit Transaction(Database& database);
    ~Transaction();

    bool isActive() const { return m_active; }
    bool commit();

private:
    void begin(Begin begin);

    QSqlDatabase& m_db;
    GroupCommit* m_group = nullptr;
    QString m_savepoint;
    bool m_active = false;
};

} // namespace ccr::server
