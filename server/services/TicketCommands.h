#pragma once

#include "Caller.h"
#include "TicketPolicy.h"
#include "common/Result.h"
#include "common/tickets/AssignParams.h"
#include "common/tickets/CreateTicketParams.h"
#include "common/tickets/ReplyParams.h"
#include "common/tickets/ReplyResult.h"
#include "common/tickets/ResolveParams.h"
#include "common/tickets/SetStatusParams.h"
#include "common/tickets/TicketRef.h"

#include <QObject>

namespace ccr::server {

class Clock;
class Notifier;
class TicketQueries;
struct TicketStores;

/**
 * The write side of tickets: every change runs in one transaction that also writes its
 * audit record, its system message, its search entry and its mail, and is announced by a signal
 * right after the commit so connected clients hear of it in the same event-loop turn.
 */
class TicketCommands final : public QObject
{
    Q_OBJECT
public:
    TicketCommands(TicketStores& stores, const TicketQueries& queries, Notifier& notifier, const Clock& clock,
                   const TicketPolicy& policy, QObject* parent = nullptr);

    common::Result<common::TicketInfo> create(const Caller& caller, const common::CreateTicketParams& params);
    common::Result<common::ReplyResult> reply(const Caller& caller, const common::ReplyParams& params);
    common::Result<common::TicketInfo> setStatus(const Caller& caller, const common::SetStatusParams& params);
    common::Result<common::TicketInfo> resolve(const Caller& caller, const common::ResolveParams& params);
    common::Result<common::TicketInfo> assign(const Caller& caller, const common::AssignParams& params);
    common::Result<common::TicketInfo> remove(const Caller& caller, const common::TicketRef& ref);
    common::Result<common::TicketInfo> restore(const Caller& caller, const common::TicketRef& ref);

Q_SIGNALS:
    void ticketCreated(const ccr::common::TicketInfo& ticket);
    void ticketUpdated(const ccr::common::TicketInfo& ticket);
    void ticketAssigned(const ccr::common::TicketInfo& ticket, qint64 previousAgentId);
    void messageAdded(const ccr::common::TicketInfo& ticket, const ccr::common::MessageInfo& message);
    void ticketRemoved(const ccr::common::TicketInfo& ticket);

private:
    common::Result<common::TicketInfo> workableTicket(const Caller& caller, qint64 ticketId) const;
    common::Result<void> audit(const common::TicketInfo& ticket, const Caller& caller, const QString& field,
                               const QString& oldValue, const QString& newValue, bool internal = false);
    common::Result<void> systemMessage(const common::TicketInfo& ticket, const Caller& caller, const QString& event,
                                       const QString& oldValue, const QString& newValue, const QString& body);
    /** Status change with its audit record and system message. */
    common::Result<void> recordStatus(common::TicketInfo& ticket, const Caller& caller, common::TicketStatus to);
    /** Saves and re-reads the ticket (new version, names). */
    common::Result<common::TicketInfo> saveAndReload(const common::TicketInfo& ticket);

    TicketStores& m_stores;
    const TicketQueries& m_queries;
    Notifier& m_notifier;
    const Clock& m_clock;
    const TicketPolicy& m_policy;
};

} // namespace ccr::server
