#pragma once

#include "common/tickets/MessageInfo.h"
#include "common/tickets/TicketInfo.h"
#include "services/TicketPolicy.h"

#include <QObject>

namespace ccr::server {

class ConnectionRegistry;
class TicketCommands;
class TicketRatings;

/**
 * Pushes ticket changes to exactly the connections whose user may see them: the
 * customer's own, the assigned agent (and the unassigned pool if allowed), and admins.
 * Internal notes go to agents and admins only.
 */
class TicketEventRouter final : public QObject
{
    Q_OBJECT
public:
    TicketEventRouter(TicketCommands& commands, TicketRatings& ratings, ConnectionRegistry& connections,
                      const TicketPolicy& policy, QObject* parent = nullptr);

private:
    void broadcast(const common::TicketInfo& ticket, const QString& event, const QCborMap& data,
                   bool staffOnly = false);
    void onAssigned(const common::TicketInfo& ticket, qint64 previousAgentId);
    void onRemoved(const common::TicketInfo& ticket);

    ConnectionRegistry& m_connections;
    const TicketPolicy& m_policy;
};

} // namespace ccr::server
