#pragma once

#include "common/Result.h"
#include "common/TicketPriority.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <functional>

namespace ccr::server {

class Database;

/** One generated ticket for bulk loading. */
struct BulkTicket
{
    qint64 customerId = 0;
    qint64 agentId = 0;
    qint64 categoryId = 1;
    common::TicketPriority priority = common::TicketPriority::Medium;
    QString subject;
    QString description;
    QDateTime createdAt;
};

/**
 * Loads many tickets fast for benchmarks: prepared statements reused, tens of thousands of
 * rows per transaction; then the search file is rebuilt from them. Not used by the running server.
 */
class BulkLoader final
{
public:
    explicit BulkLoader(Database& database) : m_database(database) {}

    /**
     * Calls next(i) for i in [0, count) and stores each ticket; reports the tickets stored
     * after every batch, then the texts indexed for search as a negative number.
     */
    common::Result<void> loadTickets(qint64 count, const std::function<BulkTicket(qint64)>& next,
                                     const std::function<void(qint64)>& progress = {});

private:
    Database& m_database;
};

} // namespace ccr::server
