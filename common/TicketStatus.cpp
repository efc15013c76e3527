#include "TicketStatus.h"

#include "EnumNames.h"

namespace ccr::common {

namespace {
constexpr EnumNames<TicketStatus, 6> kNames{{{
    {TicketStatus::New, "new"},
    {TicketStatus::Assigned, "assigned"},
    {TicketStatus::InProgress, "in_progress"},
    {TicketStatus::WaitingOnCustomer, "waiting_on_customer"},
    {TicketStatus::Resolved, "resolved"},
    {TicketStatus::Closed, "closed"},
}}};
} // namespace

QString wireName(TicketStatus status)
{
    return kNames.name(status);
}

bool fromWireName(const QString& name, TicketStatus& status)
{
    return kNames.parse(name, status);
}

bool isOpen(TicketStatus status)
{
    return status != TicketStatus::Resolved && status != TicketStatus::Closed;
}

} // namespace ccr::common
