#pragma once

#include "common/Result.h"

#include <QDateTime>

namespace ccr::server {

class Database;

/** The admin_requests table: who asked to become an admin, and who decided. */
class AdminRequestStore final
{
public:
    explicit AdminRequestStore(Database& database) : m_database(database) {}

    common::Result<qint64> insert(qint64 userId, const QDateTime& requestedAt);
    /** Records the decision on the user's open request; NotFound if none is open. */
    common::Result<void> decide(qint64 userId, qint64 decidedBy, bool approved, const QDateTime& decidedAt);

private:
    Database& m_database;
};

} // namespace ccr::server
