#pragma once

#include "common/NotificationKind.h"
#include "common/Result.h"
#include "common/messages/UserInfo.h"
#include "common/tickets/MessageInfo.h"
#include "common/tickets/TicketInfo.h"
#include "mail/MailContent.h"
#include "mail/MailIdentity.h"

#include <QObject>

namespace ccr::server {

class Clock;
class OutboxStore;
class PreferenceStore;
class UserStore;

/**
 * Decides who hears about what and queues the mail. Every method is called inside the
 * transaction of the change it reports, so the mail and the change are committed together
 * or not at all; mailQueued() is emitted queued, after that commit, to wake the relay.
 * Users' opt-outs are honoured except for security mail.
 */
class Notifier final : public QObject
{
    Q_OBJECT
public:
    Notifier(OutboxStore& outbox, PreferenceStore& preferences, UserStore& users, const Clock& clock,
             MailIdentity identity, QObject* parent = nullptr);

    common::Result<void> welcome(const common::UserInfo& user);
    /** The customer's receipt, to their address (the ticket carries their name). */
    common::Result<void> ticketReceived(const common::TicketInfo& ticket, const QString& customerEmail);
    common::Result<void> agentAssigned(const common::TicketInfo& ticket);
    common::Result<void> publicReply(const common::TicketInfo& ticket, const common::MessageInfo& message);
    common::Result<void> ticketResolved(const common::TicketInfo& ticket);
    common::Result<void> ticketClosed(const common::TicketInfo& ticket);
    common::Result<void> adminRequestReceived(const common::UserInfo& requester);
    common::Result<void> adminRequestDecided(const common::UserInfo& requester, bool approved);
    common::Result<void> agentCreated(const common::UserInfo& agent);
    common::Result<void> passwordResetCode(const common::UserInfo& user, const QString& code, int validMinutes);
    common::Result<void> passwordChanged(const common::UserInfo& user);
    common::Result<void> twoFactorChanged(const common::UserInfo& user, bool enabled);

    /** The Message-ID every mail about the ticket refers to, so mail clients thread them. */
    QString ticketThreadId(qint64 ticketId) const;

Q_SIGNALS:
    void mailQueued();

private:
    common::Result<void> enqueue(common::NotificationKind kind, qint64 userId, const QString& toAddress,
                                 const QString& toName, const MailContent& content, qint64 ticketId = 0,
                                 const QString& messageId = {});
    common::Result<void> enqueueToUser(common::NotificationKind kind, qint64 userId, const MailContent& content,
                                       qint64 ticketId = 0, const QString& messageId = {});

    OutboxStore& m_outbox;
    PreferenceStore& m_preferences;
    UserStore& m_users;
    const Clock& m_clock;
    MailIdentity m_identity;
};

} // namespace ccr::server
