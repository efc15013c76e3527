#include "AdminRequestStore.h"

#include "Database.h"
#include "SqlStatement.h"
#include "StoreLog.h"
#include "common/WireTime.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ccr::server {

using common::Error;
using common::ErrorCode;
using common::WireTime::toWire;

namespace {

Error storeError(const QSqlQuery& query)
{
    qCWarning(lcStore) << "admin_requests statement failed:" << query.lastError().text();
    return Error(ErrorCode::Internal, QStringLiteral("The admin request could not be saved."));
}

} // namespace

common::Result<qint64> AdminRequestStore::insert(qint64 userId, const QDateTime& requestedAt)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("INSERT INTO admin_requests (user_id, requested_at) VALUES (?, ?)"),
                    {userId, toWire(requestedAt)}))
        return storeError(query);
    return query.lastInsertId().toLongLong();
}

common::Result<void> AdminRequestStore::decide(qint64 userId, qint64 decidedBy, bool approved,
                                               const QDateTime& decidedAt)
{
    SqlStatement query(m_database);
    if (!query.exec(
            QStringLiteral("UPDATE admin_requests SET decided_by = ?, decided_at = ?, decision = ? "
                           "WHERE user_id = ? AND decision IS NULL"),
            {decidedBy, toWire(decidedAt), approved ? QStringLiteral("approved") : QStringLiteral("rejected"), userId}))
        return storeError(query);
    if (query.numRowsAffected() < 1)
        return Error(ErrorCode::NotFound, QStringLiteral("There is no open admin request for this user."));
    return {};
}

} // namespace ccr::server
