#include "TicketCommands.h"

#include "Clock.h"
#include "Notifier.h"
#include "ServiceLog.h"
#include "TicketAccess.h"
#include "TicketQueries.h"
#include "TicketStores.h"
#include "TicketWorkflow.h"
#include "common/TicketValidation.h"
#include "store/Database.h"
#include "store/Transaction.h"

namespace ccr::server {

using common::Error;
using common::ErrorCode;
using common::FieldError;
using common::MessageKind;
using common::TicketInfo;
using common::TicketStatus;
namespace Rules = common::TicketValidation;

namespace {

Error saveFailed()
{
    return Error(ErrorCode::Internal, QStringLiteral("The ticket change could not be saved."));
}

} // namespace

TicketCommands::TicketCommands(TicketStores& stores, const TicketQueries& queries, Notifier& notifier,
                               const Clock& clock, const TicketPolicy& policy, QObject* parent)
    : QObject(parent), m_stores(stores), m_queries(queries), m_notifier(notifier), m_clock(clock), m_policy(policy)
{}

common::Result<TicketInfo> TicketCommands::create(const Caller& caller, const common::CreateTicketParams& params)
{
    qint64 customerId = caller.userId;
    if (caller.role == common::Role::Admin) {
        customerId = params.customerId;
    } else if (params.customerId > 0 && params.customerId != caller.userId) {
        return Error(ErrorCode::PermissionDenied, QStringLiteral("Only admins create tickets for someone else."));
    }
    QList<FieldError> problems;
    if (const auto problem = Rules::checkSubject(params.subject))
        problems.append({QStringLiteral("subject"), *problem});
    if (const auto problem = Rules::checkText(params.description, Rules::kMaxDescriptionLength))
        problems.append({QStringLiteral("description"), *problem});
    // Opened before the lookups below: inside the writer's shared transaction they need no
    // read transaction of their own, which cost more than the lookups themselves.
    Transaction transaction(m_stores.database);
    if (!transaction.isActive())
        return saveFailed();
    const auto category = m_stores.categories.find(params.categoryId);
    if (!category || !category->active)
        problems.append({QStringLiteral("categoryId"), common::FieldProblem::InvalidFormat});

    // The customer's name goes into the ticket and their address gets the receipt.
    const auto customer = m_stores.users.findById(customerId);
    if (caller.role == common::Role::Admin &&
        (!customer || customer->role != common::Role::Customer || customer->state != common::UserState::Active))
        problems.append({QStringLiteral("customerId"), common::FieldProblem::InvalidFormat});
    if (!problems.isEmpty())
        return common::validationError(problems);
    if (!customer)
        return saveFailed();

    const QDateTime now = m_clock.now();
    const NewTicket row{
        customerId, params.categoryId, params.priority, params.subject.trimmed(), params.description.trimmed(), now};
    auto id = m_stores.tickets.insert(row);
    if (!id)
        return id.error();
    if (auto linked = m_stores.attachments.link(params.attachmentIds, caller.userId, id.value(), 0); !linked)
        return linked.error();
    if (!m_stores.search.addTicket(id.value()))
        return saveFailed();
    // Built, not read back: TestTicketLifecycle compares it with the ticket as stored.
    const TicketInfo ticket = TicketStore::inserted(id.value(), row, customer->displayName, category->name);
    if (!audit(ticket, caller, QStringLiteral("created"), {}, ticket.number) ||
        !m_notifier.ticketReceived(ticket, customer->email) || !transaction.commit())
        return saveFailed();
    qCInfo(lcTickets) << "ticket" << ticket.number << "created by user" << caller.userId;
    Q_EMIT ticketCreated(ticket);
    return ticket;
}

common::Result<common::ReplyResult> TicketCommands::reply(const Caller& caller, const common::ReplyParams& params)
{
    auto found = m_queries.visibleTicket(caller, {params.ticketId, {}});
    if (!found)
        return found.error();
    TicketInfo ticket = found.value();
    const bool isOwner = caller.role == common::Role::Customer && ticket.customerId == caller.userId;
    if (!TicketAccess::canWork(ticket, caller) && !isOwner)
        return Error(ErrorCode::PermissionDenied, QStringLiteral("Only the assigned agent or an admin can reply."));
    if (params.internal && !caller.isStaff())
        return Error(ErrorCode::PermissionDenied, QStringLiteral("Customers cannot write internal notes."));
    if (const auto problem = Rules::checkText(params.body, Rules::kMaxMessageLength))
        return common::validationError({{QStringLiteral("body"), *problem}});
    // A reply written against an older version of the ticket is refused, so nobody answers blind.
    if (params.expectedVersion > 0 && params.expectedVersion != ticket.version)
        return Error(ErrorCode::Conflict, QStringLiteral("The ticket changed while you were writing; review it first."),
                     {{QLatin1String("currentVersion"), ticket.version}});
    auto nextStatus = TicketWorkflow::statusAfterReply(ticket, caller, params.internal);
    if (!nextStatus)
        return nextStatus.error();

    const QDateTime now = m_clock.now();
    Transaction transaction(m_stores.database);
    if (!transaction.isActive())
        return saveFailed();
    common::MessageInfo message;
    message.ticketId = ticket.id;
    message.kind = params.internal ? MessageKind::Internal : MessageKind::Public;
    message.authorId = caller.userId;
    message.body = params.body.trimmed();
    message.createdAt = now;
    auto messageId = m_stores.messages.insert(message);
    if (!messageId)
        return messageId.error();
    if (auto linked = m_stores.attachments.link(params.attachmentIds, caller.userId, ticket.id, messageId.value());
        !linked)
        return linked.error();
    if (!m_stores.search.addMessage(ticket.id, messageId.value(), message.kind) ||
        !audit(ticket, caller, QStringLiteral("message"), {}, common::wireName(message.kind), params.internal))
        return saveFailed();
    // An internal note leaves the ticket as customers see it untouched: no new version, no new
    // "updated" time, so nothing hints that staff wrote something.
    TicketInfo after = ticket;
    if (!params.internal) {
        if (caller.isStaff() && !ticket.firstResponseAt.isValid())
            ticket.firstResponseAt = now;
        if (nextStatus.value() != ticket.status) {
            if (auto recorded = recordStatus(ticket, caller, nextStatus.value()); !recorded)
                return recorded.error();
        }
        auto saved = saveAndReload(ticket);
        if (!saved)
            return saved.error();
        after = saved.value();
    }
    auto stored = m_stores.messages.find(messageId.value());
    if (!stored || !m_notifier.publicReply(after, *stored) || !transaction.commit())
        return saveFailed();
    common::MessageInfo sent = *stored;
    auto attachments = m_stores.attachments.listForTicket(ticket.id, true);
    if (attachments) {
        for (const auto& attachment : attachments.value()) {
            if (attachment.messageId == sent.id)
                sent.attachments.append(attachment);
        }
    }
    Q_EMIT messageAdded(after, sent);
    return common::ReplyResult{after, sent};
}

common::Result<TicketInfo> TicketCommands::setStatus(const Caller& caller, const common::SetStatusParams& params)
{
    auto found = m_queries.visibleTicket(caller, {params.ticketId, {}});
    if (!found)
        return found.error();
    TicketInfo ticket = found.value();
    const bool isOwner = caller.role == common::Role::Customer && ticket.customerId == caller.userId;
    if (!TicketAccess::canWork(ticket, caller) && !isOwner)
        return Error(ErrorCode::PermissionDenied, QStringLiteral("Only the assigned agent or an admin can do this."));
    if (auto allowed = TicketWorkflow::checkStatusChange(ticket, params.status, caller); !allowed)
        return allowed.error();

    Transaction transaction(m_stores.database);
    if (!transaction.isActive())
        return saveFailed();
    if (auto recorded = recordStatus(ticket, caller, params.status); !recorded)
        return recorded.error();
    auto saved = saveAndReload(ticket);
    if (!saved)
        return saved.error();
    if ((params.status == TicketStatus::Closed && !m_notifier.ticketClosed(saved.value())) || !transaction.commit())
        return saveFailed();
    Q_EMIT ticketUpdated(saved.value());
    return saved;
}

common::Result<TicketInfo> TicketCommands::resolve(const Caller& caller, const common::ResolveParams& params)
{
    auto workable = workableTicket(caller, params.ticketId);
    if (!workable)
        return workable.error();
    TicketInfo ticket = workable.value();
    if (auto allowed = TicketWorkflow::checkResolve(ticket); !allowed)
        return allowed.error();
    if (const auto problem = Rules::checkText(params.resolution, Rules::kMaxDescriptionLength))
        return common::validationError({{QStringLiteral("resolution"), *problem}});

    Transaction transaction(m_stores.database);
    if (!transaction.isActive())
        return saveFailed();
    const QString resolution = params.resolution.trimmed();
    if (!audit(ticket, caller, QStringLiteral("resolution"), ticket.resolution, resolution))
        return saveFailed();
    ticket.resolution = resolution;
    ticket.resolvedAt = m_clock.now();
    if (auto recorded = recordStatus(ticket, caller, TicketStatus::Resolved); !recorded)
        return recorded.error();
    auto saved = saveAndReload(ticket);
    if (!saved)
        return saved.error();
    if (!m_notifier.ticketResolved(saved.value()) || !transaction.commit())
        return saveFailed();
    Q_EMIT ticketUpdated(saved.value());
    return saved;
}

common::Result<TicketInfo> TicketCommands::assign(const Caller& caller, const common::AssignParams& params)
{
    auto found = m_queries.visibleTicket(caller, {params.ticketId, {}});
    if (!found)
        return found.error();
    TicketInfo ticket = found.value();
    if (ticket.deleted)
        return Error(ErrorCode::Conflict, QStringLiteral("Restore the ticket before assigning it."));
    if (auto allowed = TicketWorkflow::checkAssign(ticket); !allowed)
        return allowed.error();
    const auto agent = m_stores.users.findById(params.agentId);
    if (!agent || agent->role != common::Role::Agent || agent->state != common::UserState::Active)
        return common::validationError({{QStringLiteral("agentId"), common::FieldProblem::InvalidFormat}});
    const qint64 previousAgentId = ticket.agentId;
    if (previousAgentId == agent->id)
        return ticket;

    Transaction transaction(m_stores.database);
    if (!transaction.isActive())
        return saveFailed();
    if (!audit(ticket, caller, QStringLiteral("agent"), ticket.agentName, agent->displayName) ||
        !systemMessage(ticket, caller, QStringLiteral("assigned"), ticket.agentName, agent->displayName,
                       QStringLiteral("Assigned to %1.").arg(agent->displayName)))
        return saveFailed();
    ticket.agentId = agent->id;
    if (!m_stores.search.addScopeChange(ticket.id))
        return saveFailed();
    if (ticket.status == TicketStatus::New) {
        if (auto recorded = recordStatus(ticket, caller, TicketStatus::Assigned); !recorded)
            return recorded.error();
    }
    auto saved = saveAndReload(ticket);
    if (!saved)
        return saved.error();
    if (!m_notifier.agentAssigned(saved.value()) || !transaction.commit())
        return saveFailed();
    qCInfo(lcTickets) << "ticket" << saved->number << "assigned to agent" << agent->id << "by" << caller.userId;
    Q_EMIT ticketAssigned(saved.value(), previousAgentId);
    return saved;
}

common::Result<TicketInfo> TicketCommands::remove(const Caller& caller, const common::TicketRef& ref)
{
    auto found = m_queries.visibleTicket(caller, ref);
    if (!found)
        return found.error();
    if (found->deleted)
        return Error(ErrorCode::Conflict, QStringLiteral("The ticket is already deleted."));
    Transaction transaction(m_stores.database);
    if (!transaction.isActive() ||
        !audit(found.value(), caller, QStringLiteral("deleted"), {}, QStringLiteral("yes")) ||
        !m_stores.tickets.setDeleted(found->id, caller.userId, m_clock.now()) ||
        !m_stores.search.addScopeChange(found->id))
        return saveFailed();
    const auto deleted = m_stores.tickets.find(found->id);
    if (!deleted || !transaction.commit())
        return saveFailed();
    qCInfo(lcTickets) << "ticket" << deleted->number << "deleted by" << caller.userId;
    Q_EMIT ticketRemoved(*deleted);
    return *deleted;
}

common::Result<TicketInfo> TicketCommands::restore(const Caller& caller, const common::TicketRef& ref)
{
    auto found = m_queries.visibleTicket(caller, ref);
    if (!found)
        return found.error();
    if (!found->deleted)
        return Error(ErrorCode::Conflict, QStringLiteral("The ticket is not deleted."));
    Transaction transaction(m_stores.database);
    if (!transaction.isActive() ||
        !audit(found.value(), caller, QStringLiteral("deleted"), QStringLiteral("yes"), {}) ||
        !m_stores.tickets.setDeleted(found->id, std::nullopt, m_clock.now()) ||
        !m_stores.search.addScopeChange(found->id))
        return saveFailed();
    const auto restored = m_stores.tickets.find(found->id);
    if (!restored || !transaction.commit())
        return saveFailed();
    Q_EMIT ticketUpdated(*restored);
    return *restored;
}

common::Result<TicketInfo> TicketCommands::workableTicket(const Caller& caller, qint64 ticketId) const
{
    auto found = m_queries.visibleTicket(caller, {ticketId, {}});
    if (!found)
        return found.error();
    if (!TicketAccess::canWork(found.value(), caller))
        return Error(ErrorCode::PermissionDenied, QStringLiteral("Only the assigned agent or an admin can do this."));
    return found;
}

common::Result<void> TicketCommands::audit(const TicketInfo& ticket, const Caller& caller, const QString& field,
                                           const QString& oldValue, const QString& newValue, bool internal)
{
    return m_stores.events.insert({0, ticket.id, caller.userId, {}, m_clock.now(), field, oldValue, newValue},
                                  internal);
}

common::Result<void> TicketCommands::systemMessage(const TicketInfo& ticket, const Caller& caller, const QString& event,
                                                   const QString& oldValue, const QString& newValue,
                                                   const QString& body)
{
    common::MessageInfo message;
    message.ticketId = ticket.id;
    message.kind = MessageKind::System;
    message.authorId = caller.userId;
    message.body = body;
    message.createdAt = m_clock.now();
    message.event = event;
    message.oldValue = oldValue;
    message.newValue = newValue;
    auto id = m_stores.messages.insert(message);
    if (!id)
        return id.error();
    return {};
}

common::Result<void> TicketCommands::recordStatus(TicketInfo& ticket, const Caller& caller, TicketStatus to)
{
    const QString from = common::wireName(ticket.status);
    const QString next = common::wireName(to);
    if (auto audited = audit(ticket, caller, QStringLiteral("status"), from, next); !audited)
        return audited;
    if (auto noted = systemMessage(ticket, caller, QStringLiteral("status"), from, next,
                                   QStringLiteral("Status changed from %1 to %2.").arg(from, next));
        !noted)
        return noted;
    ticket.status = to;
    if (to == TicketStatus::Closed)
        ticket.closedAt = m_clock.now();
    return {};
}

common::Result<TicketInfo> TicketCommands::saveAndReload(const TicketInfo& ticket)
{
    if (auto saved = m_stores.tickets.save(ticket, m_clock.now()); !saved)
        return saved.error();
    const auto reloaded = m_stores.tickets.find(ticket.id);
    if (!reloaded)
        return saveFailed();
    return *reloaded;
}

} // namespace ccr::server
