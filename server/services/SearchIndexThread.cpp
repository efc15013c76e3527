#include "SearchIndexThread.h"

#include "ServiceLog.h"
#include "store/SearchIndexWriter.h"

#include <QDeadlineTimer>

#if defined(Q_OS_LINUX)
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

void SearchIndexThread::request(qint64 target)
{
    QMutexLocker lock(&m_mutex);
    if (target <= m_target)
        return;
    m_target = target;
    m_wake.wakeOne();
}

void SearchIndexThread::finish()
{
    QMutexLocker lock(&m_mutex);
    m_finishing = true;
    m_wake.wakeOne();
}

bool SearchIndexThread::waitForWork(qint64 done)
{
    QMutexLocker lock(&m_mutex);
    while (!m_finishing && m_target <= done)
        m_wake.wait(&m_mutex);
    return !m_finishing;
}

bool SearchIndexThread::pause(int ms)
{
    QMutexLocker lock(&m_mutex);
    QDeadlineTimer deadline(ms);
    while (!m_finishing && m_wake.wait(&m_mutex, deadline)) {
    }
    return !m_finishing;
}

void SearchIndexThread::run()
{
#if defined(Q_OS_LINUX)
    // Indexing can wait: when the cores are busy, requests go first.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
#endif
    // The connection and its prepared statements belong to this thread.
    Database index;
    auto open = index.openSearchIndex(m_mainPath, m_durability);
    const bool ok = open.ok();
    m_openPromise.set_value(std::move(open));
    if (!ok)
        return;
    SearchIndexWriter writer(index);

    for (;;) {
        const auto fits = writer.fitsTheQueue();
        if (fits && fits.value())
            break;
        qCInfo(lcTickets) << "rebuilding the search index" << index.filePath();
        const auto rebuilt = writer.rebuild([this](qint64 done, qint64 total) { Q_EMIT rebuilding(done, total); });
        if (rebuilt)
            break;
        qCWarning(lcTickets) << "rebuilding the search index failed:" << rebuilt.error().message;
        Q_EMIT failed(rebuilt.error().message);
        if (!pause(kRetryMs))
            return;
    }
    const auto start = writer.state();
    qint64 done = start ? start->indexedUpTo : 0;
    Q_EMIT indexed(done);

    while (waitForWork(done)) {
        const auto round = writer.indexQueued(kBatch);
        if (!round) {
            qCWarning(lcTickets) << "indexing texts for search failed; they stay queued:" << round.error().message;
            Q_EMIT failed(round.error().message);
            if (!pause(kRetryMs))
                return;
            continue;
        }
        const bool progressed = round->indexedUpTo > done;
        done = round->indexedUpTo;
        Q_EMIT indexed(done);
        if (!round->more && !progressed) {
            // What was asked for is not in the queue (its transaction was rolled back): wait
            // for the next request instead of asking the queue again and again.
            QMutexLocker lock(&m_mutex);
            m_target = std::min(m_target, done);
        }
        if (round->more)
            request(done + 1);
    }
}

} // namespace ccr::server
