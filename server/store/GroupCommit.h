#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <functional>

namespace ccr::server {

/**
 * Lets the writes of one event-loop turn share a single SQLite commit ("group commit").
 *
 * Each request's Transaction becomes a savepoint inside one shared transaction, which is
 * committed on the next turn of the event loop (or at once when it holds kMaxJoined
 * requests). Everything a client may read as "done" (replies, pushes, mail hand-over)
 * waits in afterCommit() until that commit succeeded, so an acknowledgement still means
 * the write is on disk; if the commit fails, the waiting actions' failure branch runs.
 */
class GroupCommit final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxJoined = 128;

    explicit GroupCommit(QSqlDatabase& db, QObject* parent = nullptr);
    ~GroupCommit() override;

    bool isOpen() const { return m_open; }

    /** Opens the shared transaction if needed and a savepoint in it; its name, or empty if SQLite refused. */
    QString enter();
    /** Keeps the savepoint's changes for the shared commit. */
    bool release(const QString& savepoint);
    /** Undoes the savepoint's changes only; the rest of the shared transaction stays. */
    void rollback(const QString& savepoint);

    /**
     * Runs onCommitted once the shared transaction committed (at once if none is open), or
     * onFailed if the commit failed. Nothing runs if context was destroyed in between.
     */
    void afterCommit(QObject* context, std::function<void()> onCommitted, std::function<void()> onFailed = {});

    /**
     * Runs action once, inside the shared transaction right before it commits, so that it
     * reads what the commit will hold without a read transaction of its own; it must not
     * write. Nothing runs if no transaction is open, or if context was destroyed in between.
     */
    void beforeCommit(QObject* context, std::function<void()> action);

    /**
     * Commits the shared transaction now (later if a request is still inside it); false if
     * SQLite refused, and then its changes are rolled back.
     */
    bool commitNow();

private:
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void()> onCommitted;
        std::function<void()> onFailed;
    };

    bool run(const QString& sql);
    void scheduleCommit();
    void settle(bool committed);

    QSqlDatabase& m_db;
    // BEGIN, COMMIT and the savepoint statements run for every request: prepared once.
    QHash<QString, QSqlQuery> m_statements;
    bool m_open = false;
    bool m_commitScheduled = false;
    int m_depth = 0;
    int m_joined = 0;
    QList<Waiter> m_waiters;
    QList<std::pair<QPointer<QObject>, std::function<void()>>> m_beforeCommit;
};

} // namespace ccr::server
