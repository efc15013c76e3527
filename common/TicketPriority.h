#pragma once

#include <QString>

namespace ccr::common {

/** Ordered from least to most pressing (the order also sorts lists). */
enum class TicketPriority
{
    Low,
    Medium,
    High,
    Urgent,
};

/** "low", "medium", "high", "urgent". */
QString wireName(TicketPriority priority);
bool fromWireName(const QString& name, TicketPriority& priority);

} // namespace ccr::common
