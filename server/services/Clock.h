#pragma once

#include <QDateTime>

namespace ccr::server {

/** Source of "now" for every rule that depends on time, so tests can move time forward. */
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

/** The real UTC wall clock. */
class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

} // namespace ccr::server
