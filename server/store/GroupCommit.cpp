#include "GroupCommit.h"

#include "StoreLog.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ccr::server {

GroupCommit::GroupCommit(QSqlDatabase& db, QObject* parent) : QObject(parent), m_db(db) {}

GroupCommit::~GroupCommit()
{
    commitNow();
}

bool GroupCommit::run(const QString& sql)
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        QSqlQuery prepared(m_db);
        if (!prepared.prepare(sql)) {
            qCWarning(lcStore) << "statement failed:" << sql << prepared.lastError().text();
            return false;
        }
        found = m_statements.insert(sql, prepared);
    }
    QSqlQuery& query = *found;
    const bool done = query.exec();
    query.finish();
    if (!done) {
        qCWarning(lcStore) << "statement failed:" << sql << query.lastError().text();
        return false;
    }
    return true;
}

QString GroupCommit::enter()
{
    if (!m_open) {
        // IMMEDIATE takes the write lock up front, so the shared transaction never fails half-way on SQLITE_BUSY.
        if (!run(QStringLiteral("BEGIN IMMEDIATE")))
            return {};
        m_open = true;
        scheduleCommit();
    }
    const QString savepoint = QStringLiteral("request_") + QString::number(m_depth + 1);
    if (!run(QStringLiteral("SAVEPOINT ") + savepoint))
        return {};
    ++m_depth;
    ++m_joined;
    return savepoint;
}

bool GroupCommit::release(const QString& savepoint)
{
    if (!run(QStringLiteral("RELEASE ") + savepoint)) {
        // Its changes are not kept, and the savepoint must not stay open: that would hold the
        // shared commit, and with it every reply, for ever.
        rollback(savepoint);
        return false;
    }
    --m_depth;
    if (m_depth == 0 && m_joined >= kMaxJoined)
        return commitNow();
    return true;
}

void GroupCommit::rollback(const QString& savepoint)
{
    // ROLLBACK TO keeps the savepoint open; RELEASE then drops it without undoing anything else.
    run(QStringLiteral("ROLLBACK TO ") + savepoint);
    run(QStringLiteral("RELEASE ") + savepoint);
    --m_depth;
}

void GroupCommit::afterCommit(QObject* context, std::function<void()> onCommitted, std::function<void()> onFailed)
{
    if (!m_open) {
        onCommitted();
        return;
    }
    m_waiters.append({context, std::move(onCommitted), std::move(onFailed)});
}

void GroupCommit::beforeCommit(QObject* context, std::function<void()> action)
{
    if (m_open)
        m_beforeCommit.append({context, std::move(action)});
}

void GroupCommit::scheduleCommit()
{
    if (m_commitScheduled)
        return;
    m_commitScheduled = true;
    // Queued: runs after every request that is already readable in this turn has joined.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_commitScheduled = false;
            commitNow();
        },
        Qt::QueuedConnection);
}

bool GroupCommit::commitNow()
{
    if (!m_open)
        return true;
    if (m_depth > 0) {
        scheduleCommit();
        return true;
    }
    for (const auto& [context, action] : std::exchange(m_beforeCommit, {})) {
        if (context)
            action();
    }
    const bool committed = run(QStringLiteral("COMMIT"));
    if (!committed) {
        qCWarning(lcStore) << "group commit of" << m_joined << "requests failed; their changes are rolled back";
        run(QStringLiteral("ROLLBACK"));
    }
    m_open = false;
    m_joined = 0;
    settle(committed);
    return committed;
}

void GroupCommit::settle(bool committed)
{
    // A waiter may write again and so open the next shared transaction: take the list first.
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const auto& waiter : waiters) {
        if (!waiter.context)
            continue;
        if (committed)
            waiter.onCommitted();
        else if (waiter.onFailed)
            waiter.onFailed();
    }
}

} // namespace ccr::server
