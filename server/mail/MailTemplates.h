#pragma once

#include "MailContent.h"
#include "common/messages/UserInfo.h"
#include "common/tickets/MessageInfo.h"
#include "common/tickets/TicketInfo.h"

namespace ccr::server::MailTemplates {

/** The texts of every notification; each takes the facts it reports and nothing else. */
MailContent welcome(const common::UserInfo& user);
MailContent ticketReceived(const common::TicketInfo& ticket);
MailContent agentAssignedToCustomer(const common::TicketInfo& ticket);
MailContent agentAssignedToAgent(const common::TicketInfo& ticket);
MailContent newReply(const common::TicketInfo& ticket, const common::MessageInfo& message);
MailContent ticketResolved(const common::TicketInfo& ticket);
MailContent ticketClosed(const common::TicketInfo& ticket);
MailContent adminRequestReceived(const common::UserInfo& requester);
MailContent adminRequestDecided(const common::UserInfo& requester, bool approved);
MailContent agentCreated(const common::UserInfo& agent);
MailContent passwordResetCode(const common::UserInfo& user, const QString& code, int validMinutes);
MailContent passwordChanged(const common::UserInfo& user);
MailContent twoFactorChanged(const common::UserInfo& user, bool enabled);

/**
 * The HTML part of a mail whose text compose() made: paragraphs apart by a blank line, a
 * paragraph whose every line begins with "> " as a quote, "-- " and the signature last.
 * Pure, so the relay's sending thread can call it.
 */
QString html(const QString& text);

} // namespace ccr::server::MailTemplates
