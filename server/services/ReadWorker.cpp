#include "ReadWorker.h"

#include "ServiceLog.h"
#include "TicketQueries.h"
#include "TicketStores.h"
#include "store/Database.h"
#include "store/SqlStatement.h"

namespace ccr::server {

ReadWorker::ReadWorker(QString databasePath, const TicketPolicy& policy, Queue& queue, Done done, QObject* parent)
    : QThread(parent), m_databasePath(std::move(databasePath)), m_policy(policy), m_queue(queue),
      m_done(std::move(done)), m_opened(m_openPromise.get_future())
{}

common::Result<void> ReadWorker::opened()
{
    return m_opened.get();
}

common::Result<QCborMap> ReadWorker::readConsistently(Database& database, TicketQueries& queries, const Work& work)
{
    // One snapshot for the whole job: a ticket and its messages, a page and its total, the
    // hits of a search and their tickets all come from the same commit.
    SqlStatement begin(database);
    if (!begin.exec(QStringLiteral("BEGIN")))
        return common::Error(common::ErrorCode::Internal, QStringLiteral("The ticket could not be read; try again."));
    auto result = work(queries);
    SqlStatement end(database);
    if (!end.exec(QStringLiteral("COMMIT")))
        qCWarning(lcTickets) << "ending a read failed:" << end.lastError().text();
    return result;
}

void ReadWorker::run()
{
    // The connection, the stores and their prepared statements all belong to this thread.
    Database database;
    auto open = database.openReadOnly(m_databasePath);
    const bool ok = open.ok();
    m_openPromise.set_value(std::move(open));
    if (!ok)
        return;
    TicketStores stores(database, m_policy.searchCandidates);
    TicketQueries queries(stores, m_policy);
    for (;;) {
        std::pair<quint64, Work> job;
        {
            QMutexLocker lock(&m_queue.mutex);
            while (m_queue.jobs.isEmpty() && !m_queue.closed)
                m_queue.waiting.wait(&m_queue.mutex);
            if (m_queue.closed)
                return;
            job = m_queue.jobs.dequeue();
        }
        m_done(job.first, readConsistently(database, queries, job.second));
    }
}

} // namespace ccr::server
