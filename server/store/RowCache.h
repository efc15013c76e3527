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
 * request thread). Only where the Database has a shared commit: the readers' connections
 * never see the writer's stores' writes, so their stores keep nothing.
 *
 * A write through the store forgets every row and keeps none until the shared transaction
 * it joined has committed or failed: reads in between see the transaction's own changes
 * from the database, and a change that is rolled back can never stay behind in memory.
 */
template <typename Row> class RowCache final
{
    Q_DISABLE_COPY_MOVE(RowCache)
public:
    static constexpr int kCapacity = 4096;

    explicit RowCache(Database& database) : m_database(database), m_enabled(database.groupCommit() != nullptr) {}

    std::optional<Row> find(qint64 id) const
    {
        if (!m_enabled || m_suspended)
            return std::nullopt;
        const auto found = m_rows.constFind(id);
        return found == m_rows.constEnd() ? std::nullopt : std::optional<Row>(*found);
    }

    void keep(qint64 id, const Row& row) const
    {
        if (!m_enabled || m_suspended)
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
        if (!m_enabled || m_suspended || !commits)
            return;
        m_suspended = true;
        // Right away when no shared transaction is open: the write then commits on its own.
        // Nothing was kept meanwhile, so there is nothing to forget.
        const auto resume = [this] { m_suspended = false; };
        commits->afterCommit(&m_context, resume, resume);
    }

private:
    Database& m_database;
    const bool m_enabled;
    bool m_suspended = false;
    mutable QHash<qint64, Row> m_rows;
    QObject m_context; // the commit's callbacks end with this cache
};

} // namespace ccr::server
