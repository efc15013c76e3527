#include "NotificationKind.h"

#include "EnumNames.h"

namespace ccr::common {

namespace {
constexpr EnumNames<NotificationKind, 11> kNames{{{
    {NotificationKind::Welcome, "welcome"},
    {NotificationKind::TicketReceived, "ticket_received"},
    {NotificationKind::AgentAssigned, "agent_assigned"},
    {NotificationKind::NewReply, "new_reply"},
    {NotificationKind::TicketResolved, "ticket_resolved"},
    {NotificationKind::TicketClosed, "ticket_closed"},
    {NotificationKind::AdminRequest, "admin_request"},
    {NotificationKind::AdminDecision, "admin_decision"},
    {NotificationKind::AgentCreated, "agent_created"},
    {NotificationKind::PasswordReset, "password_reset"},
    {NotificationKind::SecurityChange, "security_change"},
}}};
} // namespace

QString wireName(NotificationKind kind)
{
    return kNames.name(kind);
}

bool fromWireName(const QString& name, NotificationKind& kind)
{
    return kNames.parse(name, kind);
}

bool canOptOut(NotificationKind kind)
{
    return kind != NotificationKind::PasswordReset && kind != NotificationKind::SecurityChange;
}

QList<NotificationKind> allNotificationKinds()
{
    QList<NotificationKind> kinds;
    for (const auto& [kind, name] : kNames.entries)
        kinds.append(kind);
    return kinds;
}

} // namespace ccr::common
