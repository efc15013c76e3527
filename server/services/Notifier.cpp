#include "Notifier.h"

#include "Clock.h"
#include "mail/MailTemplates.h"
#include "mail/OutboxEntry.h"
#include "store/OutboxStore.h"
#include "store/PreferenceStore.h"
#include "store/UserStore.h"

#include <openssl/rand.h>

namespace ccr::server {

using common::NotificationKind;

Notifier::Notifier(OutboxStore& outbox, PreferenceStore& preferences, UserStore& users, const Clock& clock,
                   MailIdentity identity, QObject* parent)
    : QObject(parent), m_outbox(outbox), m_preferences(preferences), m_users(users), m_clock(clock),
      m_identity(std::move(identity))
{}

QString Notifier::ticketThreadId(qint64 ticketId) const
{
    return QStringLiteral("ticket-%1@%2").arg(ticketId).arg(m_identity.domain());
}

common::Result<void> Notifier::enqueue(NotificationKind kind, qint64 userId, const QString& toAddress,
                                       const QString& toName, const MailContent& content, qint64 ticketId,
                                       const QString& messageId)
{
    if (userId > 0 && common::canOptOut(kind) && m_preferences.hasOptedOut(userId, kind))
        return {};
    OutboxEntry entry;
    entry.kind = kind;
    entry.userId = userId;
    entry.ticketId = ticketId;
    entry.mail.toAddress = toAddress;
    entry.mail.toName = toName;
    entry.mail.subject = content.subject;
    entry.mail.textBody = content.text; // the HTML part is made from it when the mail is sent
    entry.mail.date = m_clock.now();
    if (messageId.isEmpty()) {
        QByteArray random(12, Qt::Uninitialized);
        if (RAND_bytes(reinterpret_cast<unsigned char*>(random.data()), static_cast<int>(random.size())) != 1)
            qFatal("no secure randomness for a Message-ID");
        entry.mail.messageId = QStringLiteral("ccr.%1.%2@%3")
                                   .arg(QString::fromLatin1(random.toHex()))
                                   .arg(entry.mail.date.toMSecsSinceEpoch())
                                   .arg(m_identity.domain());
    } else {
        entry.mail.messageId = messageId;
    }
    if (ticketId > 0 && entry.mail.messageId != ticketThreadId(ticketId)) {
        entry.mail.inReplyTo = ticketThreadId(ticketId);
        entry.mail.references = {ticketThreadId(ticketId)};
    }
    auto id = m_outbox.insert(entry);
    if (!id)
        return id.error();
    QMetaObject::invokeMethod(this, &Notifier::mailQueued, Qt::QueuedConnection);
    return {};
}

common::Result<void> Notifier::enqueueToUser(NotificationKind kind, qint64 userId, const MailContent& content,
                                             qint64 ticketId, const QString& messageId)
{
    const auto user = m_users.findById(userId);
    if (!user)
        return {};
    return enqueue(kind, user->id, user->email, user->displayName, content, ticketId, messageId);
}

common::Result<void> Notifier::welcome(const common::UserInfo& user)
{
    return enqueue(NotificationKind::Welcome, user.id, user.email, user.displayName, MailTemplates::welcome(user));
}

common::Result<void> Notifier::ticketReceived(const common::TicketInfo& ticket, const QString& customerEmail)
{
    // The customer's receipt is the root of the ticket's mail thread.
    return enqueue(NotificationKind::TicketReceived, ticket.customerId, customerEmail, ticket.customerName,
                   MailTemplates::ticketReceived(ticket), ticket.id, ticketThreadId(ticket.id));
}

common::Result<void> Notifier::agentAssigned(const common::TicketInfo& ticket)
{
    if (auto toCustomer = enqueueToUser(NotificationKind::AgentAssigned, ticket.customerId,
                                        MailTemplates::agentAssignedToCustomer(ticket), ticket.id);
        !toCustomer)
        return toCustomer;
    return enqueueToUser(NotificationKind::AgentAssigned, ticket.agentId, MailTemplates::agentAssignedToAgent(ticket),
                         ticket.id);
}

common::Result<void> Notifier::publicReply(const common::TicketInfo& ticket, const common::MessageInfo& message)
{
    if (message.kind != common::MessageKind::Public)
        return {};
    // To the other side: the customer hears from staff, the assigned agent hears from the customer.
    const qint64 recipient = message.authorId == ticket.customerId ? ticket.agentId : ticket.customerId;
    if (recipient <= 0)
        return {};
    return enqueueToUser(NotificationKind::NewReply, recipient, MailTemplates::newReply(ticket, message), ticket.id);
}

common::Result<void> Notifier::ticketResolved(const common::TicketInfo& ticket)
{
    return enqueueToUser(NotificationKind::TicketResolved, ticket.customerId, MailTemplates::ticketResolved(ticket),
                         ticket.id);
}

common::Result<void> Notifier::ticketClosed(const common::TicketInfo& ticket)
{
    return enqueueToUser(NotificationKind::TicketClosed, ticket.customerId, MailTemplates::ticketClosed(ticket),
                         ticket.id);
}

common::Result<void> Notifier::adminRequestReceived(const common::UserInfo& requester)
{
    auto admins = m_users.list(common::Role::Admin, common::UserState::Active);
    if (!admins)
        return admins.error();
    for (const auto& admin : admins.value()) {
        if (auto queued = enqueue(NotificationKind::AdminRequest, admin.id, admin.email, admin.displayName,
                                  MailTemplates::adminRequestReceived(requester));
            !queued)
            return queued;
    }
    return {};
}

common::Result<void> Notifier::adminRequestDecided(const common::UserInfo& requester, bool approved)
{
    return enqueue(NotificationKind::AdminDecision, requester.id, requester.email, requester.displayName,
                   MailTemplates::adminRequestDecided(requester, approved));
}

common::Result<void> Notifier::agentCreated(const common::UserInfo& agent)
{
    return enqueue(NotificationKind::AgentCreated, agent.id, agent.email, agent.displayName,
                   MailTemplates::agentCreated(agent));
}

common::Result<void> Notifier::passwordResetCode(const common::UserInfo& user, const QString& code, int validMinutes)
{
    return enqueue(NotificationKind::PasswordReset, user.id, user.email, user.displayName,
                   MailTemplates::passwordResetCode(user, code, validMinutes));
}

common::Result<void> Notifier::passwordChanged(const common::UserInfo& user)
{
    return enqueue(NotificationKind::SecurityChange, user.id, user.email, user.displayName,
                   MailTemplates::passwordChanged(user));
}

common::Result<void> Notifier::twoFactorChanged(const common::UserInfo& user, bool enabled)
{
    return enqueue(NotificationKind::SecurityChange, user.id, user.email, user.displayName,
                   MailTemplates::twoFactorChanged(user, enabled));
}

} // namespace ccr::server
