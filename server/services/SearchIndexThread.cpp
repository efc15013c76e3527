#include "SearchIndexThread.h"

#include "ServiceLog.h"
#include "ThreadCaches.h"
#include "store/SearchIndexWriter.h"

#include <QDeadlineTimer>
#include <limits>

#if defined(Q_OS_LINUX)
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace ccr::server {

SearchIndexThread::SearchIndexThread(QString mainPath, Durability durability, QObject* parent)
    : QThread(parent), m_mainPath(std::move(mainPath)), m_durability(durability), m_opened(m_openPromise.get_future())
{
    setObjectName(QStringLiteral("ccr-search-index"));
}

SearchIndexThread::~SearchIndexThread()
{
    finish();
    wait();
}

common::Result<void> SearchIndexThread::opened()
{
    return m_opened.get();
}

void SearchIndexThread::request(qint64 target, Urgency urgency)
{
    QMutexLocker lock(&m_mutex);
    if (urgency == Urgency::SearchWaiting)
        ++m_searchRequests;
    m_target = std::max(m_target, target);
    m_wake.wakeOne();
}

void SearchIndexThread::finish()
{
    QMutexLocker lock(&m_mutex);
    m_finishing = true;
    m_wake.wakeOne();
}

qint64 SearchIndexThread::waitForWork(qint64 done)
{
    QMutexLocker lock(&m_mutex);
    if (!m_finishing && m_target <= done) {
        // About to wait: what the rounds allocated goes back (4–6 MB with 1,001 clients
        // signed in after a burst of creates, docs/benchmarks.md).
        lock.unlock();
        ThreadCaches::release();
        lock.relock();
    }
    while (!m_finishing && m_target <= done)
        m_wake.wait(&m_mutex);
    return m_finishing ? -1 : m_target;
}

bool SearchIndexThread::pause(int ms, qint64 asked)
{
    QMutexLocker lock(&m_mutex);
    QDeadlineTimer deadline(ms);
    while (!m_finishing && m_target <= asked && m_wake.wait(&m_mutex, deadline)) {
    }
    return !m_finishing;
}

bool SearchIndexThread::pauseAfterFailure()
{
    // Not at once (a failing disk is not asked again and again), but as soon as a search asked
    // since the failure, or after kRetryMs.
    quint64 seen = 0;
    {
        QMutexLocker lock(&m_mutex);
        seen = m_searchRequests;
    }
    if (!pause(kPollMs * 5, std::numeric_limits<qint64>::max()))
        return false;
    QMutexLocker lock(&m_mutex);
    QDeadlineTimer deadline(kRetryMs);
    while (!m_finishing && m_searchRequests == seen && m_wake.wait(&m_mutex, deadline)) {
    }
    return !m_finishing;
}

bool SearchIndexThread::finishing()
{
    QMutexLocker lock(&m_mutex);
    return m_finishing;
}

bool SearchIndexThread::makeComplete(SearchIndexWriter& writer, const QString& path)
{
    for (;;) {
        const auto fits = writer.fitsTheQueue();
        if (fits && fits.value())
            return true;
        if (fits) {
            qCInfo(lcTickets) << "rebuilding the search index" << path;
            const auto rebuilt = writer.rebuild([this](qint64 done, qint64 total) { Q_EMIT rebuilding(done, total); },
                                                [this] { return finishing(); });
            if (rebuilt)
                continue; // checked once more: the main database may have changed under a long rebuild
            if (finishing())
                return false;
            qCWarning(lcTickets) << "rebuilding the search index failed:" << rebuilt.error().message;
            Q_EMIT failed(rebuilt.error().message);
        } else {
            // Not known whether it fits (the file could not be read): try again, do not throw it away.
            qCWarning(lcTickets) << "cannot check the search index:" << fits.error().message;
            Q_EMIT failed(fits.error().message);
        }
        if (!pause(kRetryMs, std::numeric_limits<qint64>::max()))
            return false;
    }
}

void SearchIndexThread::run()
{
#if defined(Q_OS_LINUX)
    // Indexing can wait: it runs only on a core no request wants (SCHED_IDLE). Nice 10 still
    // took the core from the request thread often enough to cost 10 % of the creates per
    // second at a million tickets; searches wait for it (SearchIndexer::whenCaughtUp).
    sched_param idle{};
    sched_setscheduler(static_cast<pid_t>(gettid()), SCHED_IDLE, &idle);
#endif
    // The connection and its prepared statements belong to this thread.
    Database index;
    auto open = index.openSearchIndex(m_mainPath, m_durability);
    const bool ok = open.ok();
    m_openPromise.set_value(std::move(open));
    if (!ok)
        return;
    SearchIndexWriter writer(index);
    if (!makeComplete(writer, index.filePath()))
        return;
    const auto start = writer.state();
    qint64 done = start ? start->indexedUpTo : 0;
    Q_EMIT indexed(done);

    for (;;) {
        const qint64 asked = waitForWork(done);
        if (asked < 0)
            return;
        const auto round = writer.indexQueued(kBatch);
        if (!round) {
            qCWarning(lcTickets) << "indexing texts for search failed; they stay queued:" << round.error().message;
            Q_EMIT failed(round.error().message);
            if (!pauseAfterFailure())
                return;
            continue;
        }
        const bool progressed = round->indexedUpTo > done;
        done = round->indexedUpTo;
        if (progressed)
            Q_EMIT indexed(done);
        // What was asked for is not visible yet (its transaction still open): look again soon
        // rather than at once.
        if (!round->more && done < asked && !progressed && !pause(kPollMs, asked))
            return;
    }
}

} // namespace ccr::server
