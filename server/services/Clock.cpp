#include "Clock.h"

namespace ccr::server {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace ccr::server
