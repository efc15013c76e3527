#pragma once

#include "Caller.h"
#include "common/Result.h"
#include "common/tickets/RateTicketParams.h"
#include "common/tickets/TicketInfo.h"

#include <QObject>

namespace ccr::server {

class Clock;
class TicketQueries;
struct TicketStores;

/**
 * The customer's rating of a ticket's resolution (tickets.rate). Kept apart from
 * TicketCommands because it is feedback, not workflow: it never changes the status. Like a
 * command it is one transaction with its audit records and a version bump, announced by
 * ticketUpdated after the commit (TicketEventRouter pushes it as ticket.updated).
 */
class TicketRatings final : public QObject
{
    Q_OBJECT
public:
    TicketRatings(TicketStores& stores, const TicketQueries& queries, const Clock& clock, QObject* parent = nullptr);

    /** Rates (or rates again, replacing the previous rating) a resolved or closed ticket of the caller's own. */
    common::Result<common::TicketInfo> rate(const Caller& caller, const common::RateTicketParams& params);

Q_SIGNALS:
    void ticketUpdated(const ccr::common::TicketInfo& ticket);

private:
    common::Result<void> audit(const common::TicketInfo& ticket, const Caller& caller, const QString& field,
                               const QString& oldValue, const QString& newValue);

    TicketStores& m_stores;
    const TicketQueries& m_queries;
    const Clock& m_clock;
};

} // namespace ccr::server
