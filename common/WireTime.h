#pragma once

#include <QDateTime>

namespace ccr::common::WireTime {

/** Times travel as integer milliseconds since the Unix epoch, UTC; 0 means "never". */
qint64 toWire(const QDateTime& time);
QDateTime fromWire(qint64 milliseconds);

} // namespace ccr::common::WireTime
