#include "SearchIndexer.h"

#include "SearchIndexThread.h"
#include "ServiceLog.h"
#include "store/GroupCommit.h"
#include "store/SearchIndex.h"
#include "store/Transaction.h"

namespace ccr::server {

using common::Error;
using common::ErrorCode;

SearchIndexer::SearchIndexer(Database& database, SearchIndex& index, QObject* parent)
    : QObject(parent), m_database(database), m_index(index)
{
    m_roundTimer.setSingleShot(true);
    m_roundTimer.setInterval(kDelayMs);
    connect(&m_roundTimer, &QTimer::timeout, this, &SearchIndexer::askForRound);
    m_index.setQueueCallback([this] { queued(); });
}

SearchIndexer::~SearchIndexer()
{
    m_index.setQueueCallback({});
    stop();
}

common::Result<void> SearchIndexer::start(const QString& mainPath, Durability durability)
{
    const auto newest = m_index.newestQueued();
    if (!newest)
        return newest.error();
    m_committed = newest.value();
    m_thread = std::make_unique<SearchIndexThread>(mainPath, durability);
    connect(m_thread.get(), &SearchIndexThread::indexed, this, &SearchIndexer::indexedUpTo);
    connect(m_thread.get(), &SearchIndexThread::rebuilding, this,
            [this](qint64 done, qint64 total) { m_rebuildProgress = tr("%1 of %2 texts done").arg(done).arg(total); });
    connect(m_thread.get(), &SearchIndexThread::failed, this, [this](const QString& why) { m_failure = why; });
    m_thread->start();
    if (auto opened = m_thread->opened(); !opened) {
        m_thread->wait();
        m_thread.reset();
        return opened;
    }
    // Texts a crash left queued are indexed at once.
    m_thread->request(m_committed);
    return {};
}

void SearchIndexer::stop()
{
    m_roundTimer.stop();
    if (m_thread) {
        m_thread->finish();
        m_thread->wait();
        m_thread.reset();
    }
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto& waiter : waiters)
        waiter.ready(Error(ErrorCode::Unavailable, tr("The server is stopping; search again once it is back.")));
}

void SearchIndexer::queued()
{
    auto* shared = m_database.groupCommit();
    if (!shared) {
        // Without a shared commit the caller's own transaction commits right after this.
        QTimer::singleShot(0, this, &SearchIndexer::committed);
        return;
    }
    if (std::exchange(m_hooked, true))
        return;
    // Read inside the transaction, just before its COMMIT: the newest id it holds, without a
    // read transaction of its own afterwards (those cost 2-3 % of the writer's time per create).
    shared->beforeCommit(this, [this] {
        const auto newest = m_index.newestQueued();
        m_newestInCommit = newest ? std::optional<qint64>(newest.value()) : std::nullopt;
    });
    shared->afterCommit(
        this, [this] { committed(); },
        [this] {
            m_newestInCommit.reset();
            committed();
        });
}

void SearchIndexer::committed()
{
    m_hooked = false;
    // Read back, not counted: a request rolled back after queueing leaves no text, and its
    // queue id is given out again.
    std::optional<qint64> newest = std::exchange(m_newestInCommit, std::nullopt);
    // An earlier callback of this commit may have begun the next shared transaction, and
    // queued texts in it: that commit is waited for too.
    const auto* shared = m_database.groupCommit();
    const bool nextOpen = shared && shared->isOpen();
    if (nextOpen)
        queued();
    if (!newest && !nextOpen) {
        const auto read = m_index.newestQueued();
        if (read)
            newest = read.value();
    }
    if (!newest || *newest <= m_committed)
        return;
    m_unasked += static_cast<int>(*newest - m_committed);
    m_committed = *newest;
    if (m_unasked >= kRoundTexts || !m_waiters.isEmpty())
        askForRound();
    else if (!m_roundTimer.isActive())
        m_roundTimer.start();
}

void SearchIndexer::askForRound()
{
    m_roundTimer.stop();
    m_unasked = 0;
    // A search waiting makes a failed round be tried again soon; texts being written do not.
    if (m_thread)
        m_thread->request(m_committed, m_waiters.isEmpty() ? SearchIndexThread::Urgency::Routine
                                                           : SearchIndexThread::Urgency::SearchWaiting);
}

void SearchIndexer::indexedUpTo(qint64 upTo)
{
    m_indexed = upTo;
    m_rebuildProgress.clear();
    m_failure.clear();
    checkCaughtUp();
    if (m_indexed - m_forgotten < kForgetAfter)
        return;
    Transaction transaction(m_database);
    if (transaction.isActive() && m_index.forgetIndexed(m_indexed) && transaction.commit())
        m_forgotten = m_indexed;
    else
        qCWarning(lcTickets) << "indexed texts stay in the search queue for now";
}

void SearchIndexer::whenCaughtUp(Ready ready)
{
    auto check = [this, ready = std::move(ready)] {
        if (!m_thread)
            return ready(Error(ErrorCode::Unavailable, tr("Search is not available: the search index is not open.")));
        if (m_indexed >= m_committed)
            return ready({});
        if (m_waiters.size() >= kMaxWaiting)
            return ready(Error(ErrorCode::Unavailable, tr("The server is busy searching; try again in a moment.")));
        const quint64 id = ++m_nextWaiter;
        m_waiters.append({id, m_committed, ready});
        askForRound();
        QTimer::singleShot(kWaitMs, this, [this, id] { answer(id, notCaughtUp()); });
    };
    // Texts of requests before this one are committed first, so the search can find them.
    if (auto* shared = m_database.groupCommit(); shared && shared->isOpen())
        shared->afterCommit(this, check, check);
    else
        check();
}

Error SearchIndexer::notCaughtUp() const
{
    if (m_indexed < 0 && !m_rebuildProgress.isEmpty())
        return Error(
            ErrorCode::Unavailable,
            tr("The search index is being rebuilt (%1); search again in a few minutes.").arg(m_rebuildProgress));
    if (!m_failure.isEmpty())
        return Error(ErrorCode::Unavailable, tr("Search is not available right now: new texts could not be indexed "
                                                "(%1). Try again in a moment; if it persists, the server's log says "
                                                "why.")
                                                 .arg(m_failure));
    return Error(ErrorCode::Unavailable, tr("Search is busy catching up with new texts; try again in a moment."));
}

void SearchIndexer::checkCaughtUp()
{
    QList<quint64> caughtUp;
    for (const auto& waiter : std::as_const(m_waiters)) {
        if (waiter.target <= m_indexed)
            caughtUp.append(waiter.id);
    }
    for (const quint64 id : caughtUp)
        answer(id, {});
}

void SearchIndexer::answer(quint64 waiterId, const common::Result<void>& result)
{
    for (qsizetype i = 0; i < m_waiters.size(); ++i) {
        if (m_waiters.at(i).id == waiterId) {
            const Ready ready = m_waiters.takeAt(i).ready;
            ready(result);
            return;
        }
    }
}

} // namespace ccr::server
