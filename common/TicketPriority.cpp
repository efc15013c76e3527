#include "TicketPriority.h"

#include "EnumNames.h"

namespace ccr::common {

namespace {
constexpr EnumNames<TicketPriority, 4> kNames{{{
    {TicketPriority::Low, "low"},
    {TicketPriority::Medium, "medium"},
    {TicketPriority::High, "high"},
    {TicketPriority::Urgent, "urgent"},
}}};
} // namespace

QString wireName(TicketPriority priority)
{
    return kNames.name(priority);
}

bool fromWireName(const QString& name, TicketPriority& priority)
{
    return kNames.parse(name, priority);
}

} // namespace ccr::common
