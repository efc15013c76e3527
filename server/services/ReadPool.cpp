#include "ReadPool.h"

#include "ServiceLog.h"
#include "TicketQueries.h"
#include "store/GroupCommit.h"

namespace ccr::server {

ReadPool::ReadPool(TicketQueries& mainQueries, GroupCommit* commits, QObject* parent)
    : QObject(parent), m_mainQueries(mainQueries), m_commits(commits)
{}

ReadPool::~ReadPool()
{
    stop();
}

common::Result<void> ReadPool::start(const QString& databasePath, const TicketPolicy& policy, int threads)
{
    for (int i = 0; i < threads; ++i) {
        auto worker = std::make_unique<ReadWorker>(
            databasePath, policy, m_queue, [this](quint64 jobId, common::Result<QCborMap> result) {
                // Runs on the reader thread: the answer is handed to the main thread.
                QMetaObject::invokeMethod(
                    this, [this, jobId, result = std::move(result)] { finish(jobId, result); }, Qt::QueuedConnection);
            });
        worker->setObjectName(QStringLiteral("ccr-read-%1").arg(i + 1));
        worker->start();
        auto opened = worker->opened();
        m_workers.push_back(std::move(worker));
        if (!opened) {
            stop();
            return opened.error();
        }
    }
    qCInfo(lcTickets) << "reading on" << threads << "threads";
    return {};
}

void ReadPool::stop()
{
    {
        QMutexLocker lock(&m_queue.mutex);
        m_queue.closed = true;
        m_queue.jobs.clear();
    }
    m_queue.waiting.wakeAll();
    for (auto& worker : m_workers)
        worker->wait();
    m_workers.clear();
    m_waiting.clear();
    QMutexLocker lock(&m_queue.mutex);
    m_queue.closed = false;
}

void ReadPool::run(const Responder& responder, Work work)
{
    run(std::move(work), [responder](const common::Result<QCborMap>& result) { responder.send(result); });
}

void ReadPool::run(Work work, Done done)
{
    if (m_workers.empty()) {
        // Still after the commit, as on a reader: the search index is caught up inside it.
        auto now = [this, work = std::move(work), done = std::move(done)] { done(work(m_mainQueries)); };
        if (m_commits)
            m_commits->afterCommit(this, now, now);
        else
            now();
        return;
    }
    if (m_waiting.size() >= kMaxWaiting) {
        done(common::Error(common::ErrorCode::Unavailable,
                           QStringLiteral("The server is busy reading; try again in a moment.")));
        return;
    }
    const quint64 jobId = ++m_nextJob;
    m_waiting.insert(jobId, std::move(done));
    if (!m_commits) {
        submit(jobId, std::move(work));
        return;
    }
    // After a failed commit there is nothing newer to see, and the read still deserves its answer.
    auto afterwards = [this, jobId, work = std::move(work)] { submit(jobId, work); };
    m_commits->afterCommit(this, afterwards, afterwards);
}

void ReadPool::submit(quint64 jobId, Work work)
{
    if (!m_waiting.contains(jobId))
        return; // stopped while it waited for the commit
    {
        QMutexLocker lock(&m_queue.mutex);
        m_queue.jobs.enqueue({jobId, std::move(work)});
    }
    m_queue.waiting.wakeOne();
}

void ReadPool::finish(quint64 jobId, const common::Result<QCborMap>& result)
{
    const auto waiting = m_waiting.constFind(jobId);
    if (waiting == m_waiting.constEnd())
        return; // stopped meanwhile
    const Done done = *waiting;
    m_waiting.erase(waiting);
    done(result);
}

} // namespace ccr::server
