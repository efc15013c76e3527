#pragma once

#include "common/Result.h"

#include <QCborMap>
#include <QMutex>
#include <QQueue>
#include <QString>
#include <QThread>
#include <QWaitCondition>
#include <functional>
#include <future>

namespace ccr::server {

class Database;
class TicketQueries;
struct TicketPolicy;

/**
 * One reader thread of the ReadPool: opens its own read-only connection to the database
 * (WAL lets it read while the main thread writes), builds its own stores and TicketQueries
 * on it, and runs jobs from the pool's shared queue until the queue is closed.
 */
class ReadWorker final : public QThread
{
    Q_OBJECT
public:
    using Work = std::function<common::Result<QCborMap>(TicketQueries&)>;
    using Done = std::function<void(quint64 jobId, common::Result<QCborMap> result)>;

    /** Jobs waiting for a reader; every reader of a pool takes from the same queue. */
    struct Queue
    {
        QMutex mutex;
        QWaitCondition waiting;
        QQueue<std::pair<quint64, Work>> jobs;
        bool closed = false;
    };

    ReadWorker(QString databasePath, const TicketPolicy& policy, Queue& queue, Done done, QObject* parent = nullptr);

    /** After start(): whether the connection opened (blocks until the thread knows). */
    common::Result<void> opened();

protected:
    void run() override;

private:
    static common::Result<QCborMap> readConsistently(Database& database, TicketQueries& queries, const Work& work);

    QString m_databasePath;
    const TicketPolicy& m_policy;
    Queue& m_queue;
    Done m_done;
    std::promise<common::Result<void>> m_openPromise;
    std::future<common::Result<void>> m_opened;
};

} // namespace ccr::server
