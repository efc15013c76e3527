#include "HelpDesk.h"
#include "common/Protocol.h"
#include "common/tickets/CreateTicketParams.h"
#include "common/tickets/ReplyParams.h"
#include "common/tickets/ReplyResult.h"
#include "common/tickets/ResolveParams.h"
#include "common/tickets/SetStatusParams.h"
#include "common/tickets/TicketDetail.h"
#include "common/tickets/TicketHistory.h"
#include "common/tickets/TicketRef.h"
#include "common/tickets/TicketResult.h"

#include <QTest>

using namespace ccr;
using namespace ccr::tests;
using common::ErrorCode;
using common::TicketStatus;
namespace Method = common::Protocol::Method;

namespace {

common::Result<common::ReplyResult> reply(Actor& actor, qint64 ticketId, const QString& body, bool internal = false)
{
    return actor->callFor<common::ReplyResult>(Method::Reply,
                                               common::ReplyParams{ticketId, body, internal, {}, 0}.toCbor());
}

common::Result<common::TicketResult> setStatus(Actor& actor, qint64 ticketId, TicketStatus status)
{
    return actor->callFor<common::TicketResult>(Method::SetStatus, common::SetStatusParams{ticketId, status}.toCbor());
}

common::Result<common::TicketResult> resolve(Actor& actor, qint64 ticketId, const QString& note)
{
    return actor->callFor<common::TicketResult>(Method::Resolve, common::ResolveParams{ticketId, note}.toCbor());
}

common::TicketInfo ticketAsStored(Actor& actor, qint64 ticketId)
{
    auto detail = actor->callFor<common::TicketDetail>(Method::GetTicket, common::TicketRef{ticketId, {}}.toCbor());
    return detail ? detail->ticket : common::TicketInfo{};
}

TicketStatus statusOf(Actor& actor, qint64 ticketId)
{
    return actor->callFor<common::TicketDetail>(Method::GetTicket, common::TicketRef{ticketId, {}}.toCbor())
        ->ticket.status;
}

} // namespace

class TestTicketLifecycle final : public QObject
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

    void fromCreationToClosureWithAReopen()
    {
        HelpDesk& desk = *m_desk;
        auto ticket = desk.createTicket(desk.customer, QStringLiteral("Blender arrived broken"),
                                        QStringLiteral("The jar is cracked."), common::TicketPriority::High, 1);
        QCOMPARE(ticket.status, TicketStatus::New);
        QCOMPARE(ticket.number, QStringLiteral("CCR-%1").arg(ticket.id, 6, 10, QLatin1Char('0')));
        QCOMPARE(ticket.customerId, desk.customer.user.id);
        QCOMPARE(ticket.categoryName, QStringLiteral("Product exchange or return"));
        QCOMPARE(ticket.version, 1);
        // The reply is the ticket as stored, to the last field (the server builds it without reading it back).
        QCOMPARE(ticketAsStored(desk.customer, ticket.id).toCbor(), ticket.toCbor());
        const common::CreateTicketParams forSomeone{QStringLiteral("  Kettle leaks  "),
                                                    QStringLiteral(" Water everywhere. "),
                                                    2,
                                                    common::TicketPriority::Low,
                                                    desk.customer.user.id,
                                                    {}};
        const auto byAdmin = desk.admin->callFor<common::TicketResult>(Method::CreateTicket, forSomeone.toCbor());
        QVERIFY(byAdmin.ok());
        QCOMPARE(byAdmin->ticket.subject, QStringLiteral("Kettle leaks"));
        QCOMPARE(byAdmin->ticket.customerName, desk.customer.user.displayName);
        QCOMPARE(ticketAsStored(desk.admin, byAdmin->ticket.id).toCbor(), byAdmin->ticket.toCbor());

        const qint64 id = ticket.id;
        const auto second = desk.createTicket(desk.customer, QStringLiteral("Another one"));
        QVERIFY(second.number != ticket.number);

        auto assigned = desk.admin->callFor<common::TicketResult>(
            Method::Assign, QCborMap{{QLatin1String("ticketId"), id}, {QLatin1String("agentId"), desk.agent.user.id}});
        QVERIFY(assigned.ok());
        QCOMPARE(assigned->ticket.status, TicketStatus::Assigned);
        QCOMPARE(assigned->ticket.agentName, desk.agent.user.displayName);

        auto answered = reply(desk.agent, id, QStringLiteral("Sorry! Could you send a photo?"));
        QVERIFY2(answered.ok(), qPrintable(answered.error().message));
        QCOMPARE(answered->ticket.status, TicketStatus::InProgress);
        QVERIFY(answered->ticket.firstResponseAt.isValid());
        QVERIFY(setStatus(desk.agent, id, TicketStatus::WaitingOnCustomer).ok());

        auto customerAnswer = reply(desk.customer, id, QStringLiteral("Here it is."));
        QVERIFY(customerAnswer.ok());
        QCOMPARE(customerAnswer->ticket.status, TicketStatus::InProgress);

        auto resolved = resolve(desk.agent, id, QStringLiteral("Replacement shipped, tracking 123."));
        QVERIFY(resolved.ok());
        QCOMPARE(resolved->ticket.status, TicketStatus::Resolved);
        QCOMPARE(resolved->ticket.resolution, QStringLiteral("Replacement shipped, tracking 123."));
        QVERIFY(resolved->ticket.resolvedAt.isValid());

        // The customer's reply reopens it.
        auto reopened = reply(desk.customer, id, QStringLiteral("The replacement is broken too."));
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->ticket.status, TicketStatus::InProgress);

        QVERIFY(resolve(desk.agent, id, QStringLiteral("Refunded in full.")).ok());
        auto closed = setStatus(desk.customer, id, TicketStatus::Closed);
        QVERIFY2(closed.ok(), qPrintable(closed.error().message));
        QCOMPARE(closed->ticket.status, TicketStatus::Closed);
        QVERIFY(closed->ticket.closedAt.isValid());

        // Closed is final.
        QCOMPARE(reply(desk.customer, id, QStringLiteral("one more thing")).error().code, ErrorCode::InvalidTransition);
        QCOMPARE(reply(desk.agent, id, QStringLiteral("note"), true).error().code, ErrorCode::InvalidTransition);
        QCOMPARE(setStatus(desk.admin, id, TicketStatus::InProgress).error().code, ErrorCode::InvalidTransition);

        // The conversation holds every reply plus system entries for each change, in order.
        const auto detail =
            desk.customer->callFor<common::TicketDetail>(Method::GetTicket, common::TicketRef{id, {}}.toCbor());
        QVERIFY(detail.ok());
        QStringList kinds;
        for (const auto& message : detail->messages)
            kinds << (message.kind == common::MessageKind::System ? message.event + QLatin1Char(':') + message.newValue
                                                                  : common::wireName(message.kind));
        QCOMPARE(kinds, (QStringList{QStringLiteral("assigned:") + desk.agent.user.displayName,
                                     QStringLiteral("status:assigned"), QStringLiteral("public"),
                                     QStringLiteral("status:in_progress"), QStringLiteral("status:waiting_on_customer"),
                                     QStringLiteral("public"), QStringLiteral("status:in_progress"),
                                     QStringLiteral("status:resolved"), QStringLiteral("public"),
                                     QStringLiteral("status:in_progress"), QStringLiteral("status:resolved"),
                                     QStringLiteral("status:closed")}));

        // The audit trail names who changed what, from what, to what.
        const auto history =
            desk.customer->callFor<common::TicketHistory>(Method::TicketHistory, common::TicketRef{id, {}}.toCbor());
        QVERIFY(history.ok());
        QStringList trail;
        for (const auto& event : history->events)
            trail << QStringLiteral("%1:%2:%3>%4").arg(event.actorName, event.field, event.oldValue, event.newValue);
        const QString agent = desk.agent.user.displayName;
        const QString customer = desk.customer.user.displayName;
        const QString admin = desk.admin.user.displayName;
        QCOMPARE(trail, (QStringList{
                            customer + QStringLiteral(":created:>") + ticket.number,
                            admin + QStringLiteral(":agent:>") + agent,
                            admin + QStringLiteral(":status:new>assigned"),
                            agent + QStringLiteral(":message:>public"),
                            agent + QStringLiteral(":status:assigned>in_progress"),
                            agent + QStringLiteral(":status:in_progress>waiting_on_customer"),
                            customer + QStringLiteral(":message:>public"),
                            customer + QStringLiteral(":status:waiting_on_customer>in_progress"),
                            agent + QStringLiteral(":resolution:>Replacement shipped, tracking 123."),
                            agent + QStringLiteral(":status:in_progress>resolved"),
                            customer + QStringLiteral(":message:>public"),
                            customer + QStringLiteral(":status:resolved>in_progress"),
                            agent + QStringLiteral(":resolution:Replacement shipped, tracking 123.>Refunded in full."),
                            agent + QStringLiteral(":status:in_progress>resolved"),
                            customer + QStringLiteral(":status:resolved>closed"),
                        }));
    }

    void everyIllegalTransitionIsRefused()
    {
        HelpDesk& desk = *m_desk;
        const QList<TicketStatus> all{TicketStatus::New,        TicketStatus::Assigned,
                                      TicketStatus::InProgress, TicketStatus::WaitingOnCustomer,
                                      TicketStatus::Resolved,   TicketStatus::Closed};
        // Brings a fresh ticket to the given status the legal way.
        auto ticketIn = [&](TicketStatus status) {
            if (status == TicketStatus::New)
                return desk.createTicket(desk.customer, QStringLiteral("fresh")).id;
            const qint64 id = desk.assignedTicket(desk.customer, desk.agent, QStringLiteral("walk")).id;
            if (status == TicketStatus::Assigned)
                return id;
            if (!setStatus(desk.agent, id, TicketStatus::InProgress))
                qFatal("setup failed");
            if (status == TicketStatus::WaitingOnCustomer && !setStatus(desk.agent, id, status))
                qFatal("setup failed");
            if (status == TicketStatus::Resolved || status == TicketStatus::Closed) {
                if (!resolve(desk.agent, id, QStringLiteral("done")))
                    qFatal("setup failed");
            }
            if (status == TicketStatus::Closed && !setStatus(desk.customer, id, status))
                qFatal("setup failed");
            return id;
        };
        using Move = QPair<TicketStatus, TicketStatus>;
        const QList<Move> staffAllowed{
            {TicketStatus::Assigned, TicketStatus::InProgress},
            {TicketStatus::Assigned, TicketStatus::WaitingOnCustomer},
            {TicketStatus::InProgress, TicketStatus::WaitingOnCustomer},
            {TicketStatus::WaitingOnCustomer, TicketStatus::InProgress},
            {TicketStatus::Resolved, TicketStatus::InProgress},
            {TicketStatus::Resolved, TicketStatus::Closed},
        };
        const QList<Move> customerAllowed{{TicketStatus::Resolved, TicketStatus::InProgress},
                                          {TicketStatus::Resolved, TicketStatus::Closed}};
        for (const auto from : all) {
            for (const auto to : all) {
                for (Actor* actor : {&desk.agent, &desk.customer}) {
                    const bool isAgent = actor == &desk.agent;
                    if (isAgent && from == TicketStatus::New)
                        continue; // not the agent's ticket yet: covered by the permission tests
                    const qint64 id = ticketIn(from);
                    const auto result = setStatus(*actor, id, to);
                    const bool expected = (isAgent ? staffAllowed : customerAllowed).contains(Move{from, to});
                    const QString what = QStringLiteral("%1 %2 -> %3")
                                             .arg(isAgent ? QStringLiteral("agent") : QStringLiteral("customer"),
                                                  common::wireName(from), common::wireName(to));
                    QVERIFY2(result.ok() == expected, qPrintable(what));
                    if (!expected) {
                        QVERIFY2(result.error().code == ErrorCode::InvalidTransition, qPrintable(what));
                        QCOMPARE(statusOf(desk.admin, id), from);
                    }
                }
            }
        }
        // Resolving needs a note and an assigned, open ticket.
        const qint64 fresh = ticketIn(TicketStatus::New);
        QCOMPARE(resolve(desk.admin, fresh, QStringLiteral("x")).error().code, ErrorCode::InvalidTransition);
        const qint64 working = ticketIn(TicketStatus::InProgress);
        QCOMPARE(resolve(desk.agent, working, QStringLiteral("   ")).error().code, ErrorCode::ValidationFailed);
        const qint64 done = ticketIn(TicketStatus::Resolved);
        QCOMPARE(resolve(desk.agent, done, QStringLiteral("again")).error().code, ErrorCode::InvalidTransition);
    }

    void staleRepliesAreRefused()
    {
        HelpDesk& desk = *m_desk;
        const auto ticket = desk.assignedTicket(desk.customer, desk.agent, QStringLiteral("Versioned"));
        QVERIFY(reply(desk.customer, ticket.id, QStringLiteral("news")).ok());
        const auto stale = desk.agent->callFor<common::ReplyResult>(
            Method::Reply,
            common::ReplyParams{ticket.id, QStringLiteral("answer"), false, {}, ticket.version}.toCbor());
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
        QVERIFY(stale.error().details.value(QLatin1String("currentVersion")).toInteger() > ticket.version);
    }
};

QTEST_GUILESS_MAIN(TestTicketLifecycle)
#include "TestTicketLifecycle.moc"
