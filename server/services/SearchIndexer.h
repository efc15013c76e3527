#pragma once

#include "common/Result.h"
#include "store/Database.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace ccr::server {

class SearchIndex;
class SearchIndexThread;

/**
 * Keeps the search index (a file of its own, written on SearchIndexThread) caught up with
 * the texts SearchIndex queues in the main database, and lets a search wait until it is.
 * Lives on the main thread: it learns of each queued text, asks the thread for a round once
 * kRoundTexts texts are committed or kDelayMs after the first, and drops the queue's indexed
 * rows now and then, in the shared transaction.
 */
class SearchIndexer final : public QObject
{
    Q_OBJECT
public:
    /**
     * A round starts once kRoundTexts texts are committed, so that under load it stays a few
     * milliseconds long, or kDelayMs after the first one, so that a quiet desk's texts are
     * indexed soon without a transaction each.
     */
    static constexpr int kRoundTexts = 128;
    static constexpr int kDelayMs = 250;
    /** A search waits this long for the index to catch up, then is answered `unavailable`. */
    static constexpr int kWaitMs = 5000;
    /** Searches waiting for the index at once; beyond it a search is answered `unavailable`. */
    static constexpr qsizetype kMaxWaiting = 4096;
    /** Indexed rows leave the queue once this many have gathered. */
    static constexpr qint64 kForgetAfter = 1000;

    using Ready = std::function<void(const common::Result<void>&)>;

    SearchIndexer(Database& database, SearchIndex& index, QObject* parent = nullptr);
    ~SearchIndexer() override;

    /** Starts the indexing thread on the search file of the main database at mainPath. */
    common::Result<void> start(const QString& mainPath, Durability durability);
    void stop();

    /**
     * Calls ready once every text committed before now is indexed: at once if it is, after
     * the next rounds if not; `unavailable` after kWaitMs (saying how far a rebuild is, or
     * why indexing failed).
     */
    void whenCaughtUp(Ready ready);

private:
    struct Waiter
    {
        quint64 id;
        qint64 target;
        Ready ready;
    };

    void queued();
    void committed();
    void indexedUpTo(qint64 upTo);
    void askForRound();
    void checkCaughtUp();
    void answer(quint64 waiterId, const common::Result<void>& result);
    /** Why a search waited in vain. */
    common::Error notCaughtUp() const;

    Database& m_database;
    SearchIndex& m_index;
    std::unique_ptr<SearchIndexThread> m_thread;
    QTimer m_roundTimer;
    qint64 m_committed = 0;                 // newest queue id committed
    qint64 m_indexed = -1;                  // newest queue id indexed; -1 until the index is complete
    qint64 m_forgotten = 0;                 // queue rows up to here are deleted
    int m_unasked = 0;                      // committed texts no round was asked for yet
    bool m_hooked = false;                  // waiting for the shared commit already
    std::optional<qint64> m_newestInCommit; // read inside the shared transaction, before its COMMIT
    QString m_rebuildProgress;
    QString m_failure;
    quint64 m_nextWaiter = 0;
    QList<Waiter> m_waiters;
};

} // namespace ccr::server
