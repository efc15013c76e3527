#pragma once

#include "common/Error.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace ccr::server::SqlValues {

/** Text for a NOT NULL column: a null QString would bind as SQL NULL. */
QVariant text(const QString& value);
/** An id column where 0 means "none", stored as NULL. */
QVariant optionalId(qint64 id);
/** A time column where an invalid time means "never", stored as NULL. */
QVariant optionalTime(const QDateTime& time);

/** Logs the failed statement and returns an Internal error with a message for people. */
common::Error failure(const QSqlQuery& query, const QString& whatFailed);

} // namespace ccr::server::SqlValues
