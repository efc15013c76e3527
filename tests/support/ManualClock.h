#pragma once

#include "services/Clock.h"

namespace ccr::tests {

/** A clock the test moves by hand; starts at the real current time. */
class ManualClock final : public server::Clock
{
public:
    ManualClock() : m_now(QDateTime::currentDateTimeUtc()) {}
    QDateTime now() const override { return m_now; }
    void advanceSeconds(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

} // namespace ccr::tests
