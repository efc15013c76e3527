#pragma once

#include "Database.h"
#include "GroupCommit.h"

#include <QHash>
#include <QObject>
#include <optional>

namespace ccr::server {

/**
 * Rows of a small, rarely written table kept in memory, by id, for the connection that
 * writes (users and categories: each ticket's creation read both, 7 % of its time on the
 * request thread). Only where the Database has a shared commit, and only for the one store
 * of that table made on it once the shared commit was on (Database::claimRowCache(); a
 * second one would not hear of the first one's writes): the readers' connections never see
 * the writer's writes, so their stores keep nothing.
 *
 * A write through the store forgets every row and keeps none until every shared transaction
 * holding such a write has committed or failed: reads in between see the transaction's own
 * changes from the database, and a change that is rolled back never stays behind in memory.
 */
template <typename Row> class RowCache final
{
    Q_DISABLE_COPY_MOVE(RowCache)
public:
    static constexpr int kCapacity = 4096;

    RowCache(Database& database, const QString& table) : m_database(database), m_table(table)
    {
        if (!database.groupCommit())
            return;
        m_claimed = database.claimRowCache(table);
        if (!m_claimed)
            qFatal("a second store of table %s on the writer's connection: each would keep its own rows",
                   qPrintable(table));
    }

    ~RowCache()
    {
        if (m_claimed)
            m_database.releaseRowCache(m_table);
    }

    std::optional<Row> find(qint64 id) const
    {
        if (!keeping())
            return std::nullopt;
        const auto found = m_rows.constFind(id);
        return found == m_rows.constEnd() ? std::nullopt : std::optional<Row>(*found);
    }

    void keep(qint64 id, const Row& row) const
    {
        if (!keeping())
            return;
        if (m_rows.size() >= kCapacity)
            m_rows.clear();
        m_rows.insert(id, row);
    }

    /** Call before every write to the table. */
    void writing()
    {
        m_rows.clear();
        GroupCommit* commits = m_database.groupCommit();
        if (!m_claimed || !commits)
            return;
        // One wait per write: a write made while an earlier commit's actions run belongs to
        // the next transaction, which the earlier one's end must not release.
        ++m_unsettledWrites;
        const auto settled = [this] { --m_unsettledWrites; };
        // At once when no shared transaction is open: the write then commits on its own.
        commits->afterCommit(&m_context, settled, settled);
    }

private:
    bool keeping() const { return m_claimed && m_unsettledWrites == 0 && m_database.groupCommit(); }

    Database& m_database;
    const QString m_table;
    bool m_claimed = false;
    int m_unsettledWrites = 0;
    mutable QHash<qint64, Row> m_rows;
    QObject m_context; // the commit's callbacks end with this cache
};

} // namespace ccr::server
