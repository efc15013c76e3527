#pragma once

#include "TestClient.h"
#include "TestServer.h"
#include "common/tickets/TicketInfo.h"

#include <memory>

namespace ccr::tests {

/** A signed-in person with their own connection. */
struct Actor
{
    common::UserInfo user;
    std::unique_ptr<TestClient> client;

    TestClient* operator->() { return client.get(); }
};

/**
 * A running server with the cast every ticket test needs, each signed in over real TLS:
 * two customers, two agents and an admin.
 */
class HelpDesk
{
public:
    explicit HelpDesk(const server::ServerConfig& config = TestServer::defaultConfig());

    bool ready() const { return m_ready; }
    TestServer& server() { return m_server; }

    Actor signIn(const QString& email, common::Role role);
    /** Creates a ticket as the actor (a customer) and fails the test harshly if it cannot. */
    common::TicketInfo createTicket(Actor& customer, const QString& subject,
                                    const QString& description = QStringLiteral("Something went wrong."),
                                    common::TicketPriority priority = common::TicketPriority::Medium,
                                    qint64 categoryId = 1);
    /** Creates a ticket and assigns it to the agent. */
    common::TicketInfo assignedTicket(Actor& customer, Actor& agent, const QString& subject);

    Actor customer;
    Actor otherCustomer;
    Actor agent;
    Actor otherAgent;
    Actor admin;

private:
    TestServer m_server;
    bool m_ready = false;
};

} // namespace ccr::tests
