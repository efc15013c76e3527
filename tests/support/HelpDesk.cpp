#include "HelpDesk.h"

#include "common/Protocol.h"
#include "common/tickets/AssignParams.h"
#include "common/tickets/CreateTicketParams.h"
#include "common/tickets/TicketResult.h"

namespace ccr::tests {

namespace Method = common::Protocol::Method;

HelpDesk::HelpDesk(const server::ServerConfig& config) : m_server(config)
{
    if (!m_server.start())
        return;
    customer = signIn(QStringLiteral("chitra@example.com"), common::Role::Customer);
    otherCustomer = signIn(QStringLiteral("dev@example.com"), common::Role::Customer);
    agent = signIn(QStringLiteral("arjun@example.com"), common::Role::Agent);
    otherAgent = signIn(QStringLiteral("bala@example.com"), common::Role::Agent);
    admin = signIn(QStringLiteral("ada@example.com"), common::Role::Admin);
    m_ready = true;
}

Actor HelpDesk::signIn(const QString& email, common::Role role)
{
    Actor actor;
    actor.user = m_server.createUser(email, role);
    actor.client = std::make_unique<TestClient>(m_server.port(), m_server.fingerprint());
    if (!actor.client->waitConnected() || !actor.client->signIn(email, TestServer::kPassword))
        qFatal("%s could not sign in", qPrintable(email));
    return actor;
}

common::TicketInfo HelpDesk::createTicket(Actor& customer, const QString& subject, const QString& description,
                                          common::TicketPriority priority, qint64 categoryId)
{
    const common::CreateTicketParams params{subject, description, categoryId, priority, 0, {}};
    auto created = customer->callFor<common::TicketResult>(Method::CreateTicket, params.toCbor());
    if (!created)
        qFatal("creating a ticket failed: %s", qPrintable(created.error().message));
    return created->ticket;
}

common::TicketInfo HelpDesk::assignedTicket(Actor& customer, Actor& agent, const QString& subject)
{
    const auto ticket = createTicket(customer, subject);
    auto assigned = admin->callFor<common::TicketResult>(
        Method::Assign, common::AssignParams{ticket.id, agent.user.id}.toCbor());
    if (!assigned)
        qFatal("assigning a ticket failed: %s", qPrintable(assigned.error().message));
    return assigned->ticket;
}

} // namespace ccr::tests
