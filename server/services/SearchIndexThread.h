#pragma once

#include "common/Result.h"
#include "store/Database.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>
#include <future>

namespace ccr::server {

/**
 * The thread that writes the search file: its own connection (Database::openSearchIndex), so
 * indexing takes neither the main thread's time nor the main file's write lock. At start it
 * rebuilds the index if it is missing, unfinished or does not fit the main database; then it
 * indexes the queued texts whenever asked, up to kBatch per transaction.
 */
class SearchIndexWriter;

class SearchIndexThread final : public QThread
{
    Q_OBJECT
public:
    static constexpr int kBatch = 5000;
    /** After a failed round the thread waits this long, or until a search asks (at least 5 × kPollMs). */
    static constexpr int kRetryMs = 5000;
    /** How soon it looks again for texts it was asked for but cannot see yet. */
    static constexpr int kPollMs = 50;

    SearchIndexThread(QString mainPath, Durability durability, QObject* parent = nullptr);
    ~SearchIndexThread() override;

    /** After start(): whether the search file opened (blocks until the thread knows). */
    common::Result<void> opened();
    /** Asks for the queue to be indexed up to this id (thread-safe). */
    enum class Urgency
    {
        Routine,       // texts were written
        SearchWaiting, // a search waits: after a failed round, try again soon
    };
    void request(qint64 target, Urgency urgency = Urgency::Routine);
    /** Ends the thread after the round or rebuild batch it is in (a rebuild goes on at the next start). */
    void finish();

Q_SIGNALS:
    /** Rebuilding: texts done of the total. */
    void rebuilding(qint64 done, qint64 total);
    /** The index is complete and holds the queue up to this id. */
    void indexed(qint64 upTo);
    /** A round or the rebuild failed; the texts stay queued. */
    void failed(const QString& why);

protected:
    void run() override;

private:
    /** Waits until a round beyond done is asked for: the queue id asked for, or -1 if the thread is to end. */
    qint64 waitForWork(qint64 done);
    /** Waits ms, or less if something beyond asked is requested; false if the thread is to end. */
    bool pause(int ms, qint64 asked);
    /** After a failed round: a short rest, then until a search asks or kRetryMs; false if the thread is to end. */
    bool pauseAfterFailure();
    bool finishing();
    /** Rebuilds the index until it fits the queue; false if the thread is to end first. */
    bool makeComplete(SearchIndexWriter& writer, const QString& path);

    QString m_mainPath;
    Durability m_durability;
    QMutex m_mutex;
    QWaitCondition m_wake;
    qint64 m_target = 0;
    quint64 m_searchRequests = 0;
    bool m_finishing = false;
    std::promise<common::Result<void>> m_openPromise;
    std::future<common::Result<void>> m_opened;
};

} // namespace ccr::server
