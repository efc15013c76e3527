#include "HelpDesk.h"
#include "common/Protocol.h"
#include "common/tickets/AssignParams.h"
#include "common/tickets/ReplyParams.h"
#include "common/tickets/SearchTicketsParams.h"
#include "common/tickets/TicketDetail.h"
#include "common/tickets/TicketHistory.h"
#include "common/tickets/TicketPage.h"
#include "common/tickets/TicketRef.h"

#include <QTest>

using namespace ccr;
using namespace ccr::tests;
namespace Method = common::Protocol::Method;
namespace Event = common::Protocol::Event;

namespace {

const QString kSecret = QStringLiteral("zanzibarcustomerisvip");

bool mentionsSecret(const QCborValue& value)
{
    return QString::fromUtf8(value.toCbor()).contains(kSecret) || value.toDiagnosticNotation().contains(kSecret);
}

/** Lets every pending push arrive on every connection. */
void settle(HelpDesk& desk)
{
    for (Actor* actor : {&desk.customer, &desk.otherCustomer, &desk.agent, &desk.otherAgent, &desk.admin}) {
        if (!(*actor)->sync())
            qFatal("a connection stopped answering");
    }
}

} // namespace

class TestTicketVisibility final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HelpDesk> m_desk;

private Q_SLOTS:
    void init()
    {
        m_desk = std::make_unique<HelpDesk>();
        QVERIFY(m_desk->ready());
    }
    void cleanup() { m_desk.reset(); }

    void internalNotesNeverReachTheCustomer()
    {
        HelpDesk& desk = *m_desk;
        const auto ticket = desk.assignedTicket(desk.customer, desk.agent, QStringLiteral("Order missing"));
        settle(desk);
        desk.customer->clearEvents();
        const auto note = desk.agent->call(
            Method::Reply, common::ReplyParams{ticket.id, QStringLiteral("Note: ") + kSecret, true, {}, 0}.toCbor());
        QVERIFY(note.ok());
        QVERIFY(desk.agent
                    ->call(Method::Reply,
                           common::ReplyParams{ticket.id, QStringLiteral("We are on it."), false, {}, 0}.toCbor())
                    .ok());
        settle(desk);

        // Events: the customer got the public reply, never the note.
        for (const auto& event : desk.customer->events())
            QVERIFY2(!mentionsSecret(event.data), qPrintable(event.event));
        QCOMPARE(desk.customer->eventsNamed(Event::TicketMessage).size(), 1);
        QCOMPARE(desk.admin->eventsNamed(Event::TicketMessage).size(), 2);

        // Conversation, history and search.
        const auto detail = desk.customer->call(Method::GetTicket, common::TicketRef{ticket.id, {}}.toCbor());
        QVERIFY(detail.ok());
        QVERIFY(!mentionsSecret(detail.value()));
        QCOMPARE(common::TicketDetail::fromCbor(detail.value())->messages.size(), 4); // 3 system + 1 public
        const auto history = desk.customer->call(Method::TicketHistory, common::TicketRef{ticket.id, {}}.toCbor());
        QVERIFY(history.ok());
        const auto events = common::TicketHistory::fromCbor(history.value())->events;
        for (const auto& event : events)
            QVERIFY2(event.newValue != QLatin1String("internal"), "a note shows in the customer's history");
        const auto search = desk.customer->callFor<common::TicketPage>(
            Method::SearchTickets, common::SearchTicketsParams{kSecret, 50, 0}.toCbor());
        QVERIFY(search.ok());
        QCOMPARE(search->total, 0);

        // Nothing about the ticket as the customer sees it changed because of the note.
        const auto before = common::TicketDetail::fromCbor(detail.value())->ticket;
        QVERIFY(desk.agent
                    ->call(Method::Reply,
                           common::ReplyParams{ticket.id, QStringLiteral("another note"), true, {}, 0}.toCbor())
                    .ok());
        const auto after =
            desk.customer->callFor<common::TicketDetail>(Method::GetTicket, common::TicketRef{ticket.id, {}}.toCbor());
        QCOMPARE(after->ticket.version, before.version);
        QCOMPARE(after->ticket.updatedAt, before.updatedAt);

        // Staff see all of it.
        const auto staffDetail =
            desk.admin->callFor<common::TicketDetail>(Method::GetTicket, common::TicketRef{ticket.id, {}}.toCbor());
        QVERIFY(mentionsSecret(staffDetail->toCbor()));
        const auto staffSearch = desk.agent->callFor<common::TicketPage>(
            Method::SearchTickets, common::SearchTicketsParams{kSecret, 50, 0}.toCbor());
        QVERIFY2(staffSearch.ok(), qPrintable(staffSearch.error().message));
        QCOMPARE(staffSearch->total, 1);
    }

    void anAgentsSearchFollowsTheTicketsQueue()
    {
        HelpDesk& desk = *m_desk;
        const auto ticket = desk.createTicket(desk.customer, QStringLiteral("Quokka kettle"));
        desk.createTicket(desk.otherCustomer, QStringLiteral("Quokka toaster"));
        const common::TicketRef ref{ticket.id, {}};
        // How many tickets the search counted (before the page is read, so a text left under
        // a key the agent should not read shows here) and whether the ticket is among them.
        const auto search = [&ticket](Actor& actor, const QString& words) {
            const auto page = actor->callFor<common::TicketPage>(Method::SearchTickets,
                                                                 common::SearchTicketsParams{words, 50, 0}.toCbor());
            if (!page)
                qFatal("search failed: %s", qPrintable(page.error().message));
            bool found = false;
            for (const auto& hit : page->tickets)
                found = found || hit.id == ticket.id;
            return std::pair{page->total, found};
        };
        // Unassigned, with the other customer's toaster: in every agent's view.
        QCOMPARE(search(desk.agent, QStringLiteral("quokka ket")), std::pair(qint64{1}, true));
        QCOMPARE(search(desk.otherAgent, QStringLiteral("quokka")), std::pair(qint64{2}, true));

        auto assign = [&](Actor& agent) {
            return desk.admin->call(Method::Assign, common::AssignParams{ticket.id, agent.user.id}.toCbor()).ok();
        };
        QVERIFY(assign(desk.agent));
        QVERIFY(desk.customer
                    ->call(Method::Reply,
                           common::ReplyParams{ticket.id, QStringLiteral("The wombat lid"), false, {}, 0}.toCbor())
                    .ok());
        QCOMPARE(search(desk.agent, QStringLiteral("quokka")), std::pair(qint64{2}, true));
        QCOMPARE(search(desk.agent, QStringLiteral("wombat")), std::pair(qint64{1}, true));
        QCOMPARE(search(desk.otherAgent, QStringLiteral("quokka")), std::pair(qint64{1}, false));
        QCOMPARE(search(desk.otherAgent, QStringLiteral("wombat")), std::pair(qint64{0}, false));

        // Reassigned: the reply and the ticket's own text move together.
        QVERIFY(assign(desk.otherAgent));
        QCOMPARE(search(desk.agent, QStringLiteral("quokka")), std::pair(qint64{1}, false));
        QCOMPARE(search(desk.agent, QStringLiteral("wombat")), std::pair(qint64{0}, false));
        QCOMPARE(search(desk.otherAgent, QStringLiteral("wombat li")), std::pair(qint64{1}, true));

        QVERIFY(desk.admin->call(Method::DeleteTicket, ref.toCbor()).ok());
        QCOMPARE(search(desk.otherAgent, QStringLiteral("quokka")), std::pair(qint64{1}, false));
        QVERIFY(desk.admin->call(Method::RestoreTicket, ref.toCbor()).ok());
        QCOMPARE(search(desk.otherAgent, QStringLiteral("quokka")), std::pair(qint64{2}, true));
        QCOMPARE(search(desk.agent, QStringLiteral("quokka")), std::pair(qint64{1}, false));
    }

    void pushesReachExactlyTheAllowedConnections()
    {
        HelpDesk& desk = *m_desk;
        // A second connection of the same customer must hear everything too.
        auto secondDevice = std::make_unique<TestClient>(desk.server().port(), desk.server().fingerprint());
        QVERIFY(secondDevice->waitConnected());
        QVERIFY(secondDevice->signIn(desk.customer.user.email, TestServer::kPassword).ok());
        settle(desk);

        const auto ticket = desk.createTicket(desk.customer, QStringLiteral("Live"));
        settle(desk);
        QVERIFY(secondDevice->sync());
        // Created: owner (both devices), admins, and agents through the unassigned pool.
        QCOMPARE(desk.customer->eventsNamed(Event::TicketCreated).size(), 1);
        QCOMPARE(secondDevice->eventsNamed(Event::TicketCreated).size(), 1);
        QCOMPARE(desk.admin->eventsNamed(Event::TicketCreated).size(), 1);
        QCOMPARE(desk.agent->eventsNamed(Event::TicketCreated).size(), 1);
        QCOMPARE(desk.otherAgent->eventsNamed(Event::TicketCreated).size(), 1);
        QCOMPARE(desk.otherCustomer->eventsNamed(Event::TicketCreated).size(), 0);

        QVERIFY(desk.admin->call(Method::Assign, common::AssignParams{ticket.id, desk.agent.user.id}.toCbor()).ok());
        settle(desk);
        QCOMPARE(desk.agent->eventsNamed(Event::TicketAssigned).size(), 1);
        QCOMPARE(desk.customer->eventsNamed(Event::TicketAssigned).size(), 1);
        QCOMPARE(desk.admin->eventsNamed(Event::TicketAssigned).size(), 1);
        QCOMPARE(desk.otherAgent->eventsNamed(Event::TicketAssigned).size(), 0);
        QCOMPARE(desk.otherCustomer->eventsNamed(Event::TicketAssigned).size(), 0);

        // Leaving the pool: the other agent, who saw it there, is told to drop it.
        QCOMPARE(desk.otherAgent->eventsNamed(Event::TicketRemoved).size(), 1);
        QCOMPARE(desk.agent->eventsNamed(Event::TicketRemoved).size(), 0);

        // Reassigned: the first agent is told to drop it, the new one hears of it.
        QVERIFY(
            desk.admin->call(Method::Assign, common::AssignParams{ticket.id, desk.otherAgent.user.id}.toCbor()).ok());
        settle(desk);
        QCOMPARE(desk.agent->eventsNamed(Event::TicketRemoved).size(), 1);
        QCOMPARE(desk.otherAgent->eventsNamed(Event::TicketAssigned).size(), 1);

        QVERIFY(desk.customer
                    ->call(Method::Reply,
                           common::ReplyParams{ticket.id, QStringLiteral("Any news?"), false, {}, 0}.toCbor())
                    .ok());
        settle(desk);
        QVERIFY(secondDevice->sync());
        QCOMPARE(secondDevice->eventsNamed(Event::TicketMessage).size(), 1);
        QCOMPARE(desk.otherAgent->eventsNamed(Event::TicketMessage).size(), 1);
        QCOMPARE(desk.admin->eventsNamed(Event::TicketMessage).size(), 1);
        QCOMPARE(desk.agent->eventsNamed(Event::TicketMessage).size(), 0);
        QCOMPARE(desk.otherCustomer->eventsNamed(Event::TicketMessage).size(), 0);

        // Every event names the ticket as the receiver may see it.
        const auto pushed = common::TicketInfo::fromCbor(
            desk.otherAgent->eventsNamed(Event::TicketMessage).constFirst().value(QLatin1String("ticket")).toMap());
        QVERIFY(pushed.ok());
        QCOMPARE(pushed->id, ticket.id);
        QCOMPARE(pushed->agentId, desk.otherAgent.user.id);
    }

    void eventsArriveInTheSameTurnAsTheReply()
    {
        HelpDesk& desk = *m_desk;
        const auto ticket = desk.assignedTicket(desk.customer, desk.agent, QStringLiteral("Fast"));
        settle(desk);
        desk.customer->clearEvents();
        QVERIFY(desk.agent
                    ->call(Method::Reply, common::ReplyParams{ticket.id, QStringLiteral("Now"), false, {}, 0}.toCbor())
                    .ok());
        // The push was written before the agent's reply, so one round trip of the customer's finds it.
        QVERIFY(desk.customer->sync());
        QCOMPARE(desk.customer->eventsNamed(Event::TicketMessage).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTicketVisibility)
#include "TestTicketVisibility.moc"
