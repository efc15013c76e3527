#include "TicketEventRouter.h"

#include "ClientConnection.h"
#include "ConnectionRegistry.h"
#include "common/Protocol.h"
#include "services/TicketAccess.h"
#include "services/TicketCommands.h"
#include "services/TicketRatings.h"

namespace ccr::server {

namespace Event = common::Protocol::Event;

namespace {

QCborMap ticketData(const common::TicketInfo& ticket)
{
    return {{QLatin1String("ticket"), ticket.toCbor()}};
}

} // namespace

TicketEventRouter::TicketEventRouter(TicketCommands& commands, TicketRatings& ratings, ConnectionRegistry& connections,
                                     const TicketPolicy& policy, QObject* parent)
    : QObject(parent), m_connections(connections), m_policy(policy)
{
    connect(&commands, &TicketCommands::ticketCreated, this,
            [this](const common::TicketInfo& ticket) { broadcast(ticket, Event::TicketCreated, ticketData(ticket)); });
    connect(&commands, &TicketCommands::ticketUpdated, this,
            [this](const common::TicketInfo& ticket) { broadcast(ticket, Event::TicketUpdated, ticketData(ticket)); });
    // A rating is a change like any other: whoever may see the ticket sees the new rating.
    connect(&ratings, &TicketRatings::ticketUpdated, this,
            [this](const common::TicketInfo& ticket) { broadcast(ticket, Event::TicketUpdated, ticketData(ticket)); });
    connect(&commands, &TicketCommands::ticketAssigned, this, &TicketEventRouter::onAssigned);
    connect(&commands, &TicketCommands::ticketRemoved, this, &TicketEventRouter::onRemoved);
    connect(&commands, &TicketCommands::messageAdded, this,
            [this](const common::TicketInfo& ticket, const common::MessageInfo& message) {
                QCborMap data = ticketData(ticket);
                data.insert(QLatin1String("message"), message.toCbor());
                broadcast(ticket, Event::TicketMessage, data, message.kind == common::MessageKind::Internal);
            });
}

void TicketEventRouter::broadcast(const common::TicketInfo& ticket, const QString& event, const QCborMap& data,
                                  bool staffOnly)
{
    // Encoded once, for the first connection that may see it; the others share the bytes.
    QByteArray frame;
    m_connections.forEachSignedIn([&](ClientConnection& connection, const ConnectionAuth& auth) {
        const Caller caller{auth.userId, auth.role};
        if (staffOnly && !caller.isStaff())
            return;
        if (!TicketAccess::canSee(ticket, caller, m_policy))
            return;
        if (frame.isEmpty())
            frame = ClientConnection::eventFrame(event, data);
        connection.sendFrame(frame);
    });
}

void TicketEventRouter::onAssigned(const common::TicketInfo& ticket, qint64 previousAgentId)
{
    QCborMap data = ticketData(ticket);
    data.insert(QLatin1String("previousAgentId"), previousAgentId);
    broadcast(ticket, Event::TicketAssigned, data);
    // Whoever saw it before (the previous agent, or every agent while it was in the pool) and
    // cannot see it now is told to drop it.
    common::TicketInfo before = ticket;
    before.agentId = previousAgentId;
    const QCborMap removed{{QLatin1String("ticketId"), ticket.id}, {QLatin1String("number"), ticket.number}};
    m_connections.forEachSignedIn([&](ClientConnection& connection, const ConnectionAuth& auth) {
        const Caller caller{auth.userId, auth.role};
        if (TicketAccess::canSee(before, caller, m_policy) && !TicketAccess::canSee(ticket, caller, m_policy))
            connection.sendEvent(Event::TicketRemoved, removed);
    });
}

void TicketEventRouter::onRemoved(const common::TicketInfo& ticket)
{
    // Admins keep seeing a deleted ticket (to restore it); everyone who saw it before drops it.
    common::TicketInfo before = ticket;
    before.deleted = false;
    const QCborMap removed{{QLatin1String("ticketId"), ticket.id}, {QLatin1String("number"), ticket.number}};
    m_connections.forEachSignedIn([&](ClientConnection& connection, const ConnectionAuth& auth) {
        const Caller caller{auth.userId, auth.role};
        if (caller.role == common::Role::Admin)
            connection.sendEvent(Event::TicketUpdated, ticketData(ticket));
        else if (TicketAccess::canSee(before, caller, m_policy))
            connection.sendEvent(Event::TicketRemoved, removed);
    });
}

} // namespace ccr::server
