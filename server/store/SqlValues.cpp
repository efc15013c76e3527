#include "SqlValues.h"

#include "StoreLog.h"
#include "common/WireTime.h"

#include <QSqlError>

namespace ccr::server::SqlValues {

QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant optionalId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

QVariant optionalTime(const QDateTime& time)
{
    return time.isValid() ? QVariant(common::WireTime::toWire(time)) : QVariant();
}

common::Error failure(const QSqlQuery& query, const QString& whatFailed)
{
    qCWarning(lcStore) << "statement failed:" << query.lastQuery() << query.lastError().text();
    return common::Error(common::ErrorCode::Internal, whatFailed);
}

} // namespace ccr::server::SqlValues
