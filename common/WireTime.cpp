#include "WireTime.h"

#include <QTimeZone>

namespace ccr::common::WireTime {

qint64 toWire(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QDateTime fromWire(qint64 milliseconds)
{
    return milliseconds > 0 ? QDateTime::fromMSecsSinceEpoch(milliseconds, QTimeZone::utc()) : QDateTime();
}

} // namespace ccr::common::WireTime
