#pragma once

#include "ReadWorker.h"
#include "common/Result.h"
#include "net/Responder.h"

#include <QCborMap>
#include <QHash>
#include <QObject>
#include <memory>
#include <vector>

namespace ccr::server {

class GroupCommit;
class TicketQueries;
struct TicketPolicy;

/**
 * Runs the read-only ticket requests (a ticket, lists, searches, history, counts, agent
 * load) on reader threads with their own read-only connections, so that they use the
 * other cores and neither wait behind the writes on the main thread nor hold them up.
 *
 * A job starts only once everything dispatched before it is committed (it waits for the
 * open group commit), so a client reads its own writes. Its answer, already encoded as
 * CBOR, returns to the main thread and goes out through the request's Responder. With no
 * reader threads, jobs run at once on the main thread's TicketQueries.
 */
class ReadPool final : public QObject
{
    Q_OBJECT
public:
    using Work = ReadWorker::Work;
    /** Reads waiting or running at once; beyond it a read is answered `unavailable` at once. */
    static constexpr qsizetype kMaxWaiting = 4096;

    ReadPool(TicketQueries& mainQueries, GroupCommit* commits, QObject* parent = nullptr);
    ~ReadPool() override;

    /** Starts the reader threads on the database file; fails if one cannot open it. */
    common::Result<void> start(const QString& databasePath, const TicketPolicy& policy, int threads);
    void stop();
    int threadCount() const { return static_cast<int>(m_workers.size()); }

    using Done = std::function<void(const common::Result<QCborMap>&)>;

    /** Answers the request with the job's result (dropped if the client left meanwhile). */
    void run(const Responder& responder, Work work);
    /** Runs work on a reader thread; done receives its result on this object's thread. */
    void run(Work work, Done done);

    /** A Result<T> of a query, as the CBOR its reply carries. */
    template <typename T> static common::Result<QCborMap> encoded(const common::Result<T>& result)
    {
        if (!result)
            return result.error();
        return result.value().toCbor();
    }

private:
    void submit(quint64 jobId, Work work);
    void finish(quint64 jobId, const common::Result<QCborMap>& result);

    TicketQueries& m_mainQueries;
    GroupCommit* m_commits;
    ReadWorker::Queue m_queue;
    std::vector<std::unique_ptr<ReadWorker>> m_workers;
    QHash<quint64, Done> m_waiting;
    quint64 m_nextJob = 0;
};

} // namespace ccr::server
