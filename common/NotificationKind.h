#pragma once

#include <QList>
#include <QString>

namespace ccr::common {

/** Every kind of email the help desk sends. */
enum class NotificationKind
{
    Welcome,
    TicketReceived,
    AgentAssigned,
    NewReply,
    TicketResolved,
    TicketClosed,
    AdminRequest,
    AdminDecision,
    AgentCreated,
    PasswordReset,
    SecurityChange,
};

/** "welcome", "ticket_received", "agent_assigned", "new_reply", "ticket_resolved", "ticket_closed",
 *  "admin_request", "admin_decision", "agent_created", "password_reset", "security_change". */
QString wireName(NotificationKind kind);
bool fromWireName(const QString& name, NotificationKind& kind);

/** Security mail (reset codes, password or two-factor changes) cannot be turned off. */
bool canOptOut(NotificationKind kind);
QList<NotificationKind> allNotificationKinds();

} // namespace ccr::common
