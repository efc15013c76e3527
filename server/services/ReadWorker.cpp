#include "ReadWorker.h"

#include "ServiceLog.h"
#include "TicketQueries.h"
#include "TicketStores.h"
#include "store/Database.h"

namespace ccr::server {

ReadWorker::ReadWorker(QString databasePath, const TicketPolicy& policy, Queue& queue, Done done, QObject* parent)
    : QThread(parent), m_databasePath(std::move(databasePath)), m_policy(policy), m_queue(queue),
      m_done(std::move(done)), m_opened(m_openPromise.get_future())
{}

common::Result<void> ReadWorker::opened()
{
    return m_opened.get();
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
        m_done(job.first, job.second(queries));
    }
}

} // namespace ccr::server
