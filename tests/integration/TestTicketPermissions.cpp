#include "HelpDesk.h"
#include "common/Protocol.h"
#include "common/tickets/AssignParams.h"
#include "common/tickets/CreateTicketParams.h"
#include "common/tickets/RateTicketParams.h"
#include "common/tickets/ReplyParams.h"
#include "common/tickets/ResolveParams.h"
#include "common/tickets/SearchTicketsParams.h"
#include "common/tickets/SetStatusParams.h"
#include "common/tickets/TicketDetail.h"
#include "common/tickets/TicketPage.h"
#include "common/tickets/TicketRef.h"

#include <QTest>
#include <functional>

using namespace ccr;
using namespace ccr::tests;
using common::ErrorCode;
namespace Method = common::Protocol::Method;

namespace {

struct Probe
{
    QString name;
    /** The call to make on a fresh ticket, assigned to desk.agent and owned by desk.customer. */
    std::function<common::Result<QCborMap>(Actor&, const common::TicketInfo&)> call;
    /** Who must succeed, by actor name. */
    QStringList allowed;
};

} // namespace

class TestTicketPermissions final : public QObject
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

    void everyTicketMethodAsEveryRole()
    {
        HelpDesk& desk = *m_desk;
        const QList<std::pair<QString, Actor*>> actors{{QStringLiteral("customer"), &desk.customer},
                                                       {QStringLiteral("otherCustomer"), &desk.otherCustomer},
                                                       {QStringLiteral("agent"), &desk.agent},
                                                       {QStringLiteral("otherAgent"), &desk.otherAgent},
                                                       {QStringLiteral("admin"), &desk.admin}};
        auto ref = [](const common::TicketInfo& t) { return common::TicketRef{t.id, {}}.toCbor(); };
        const QList<Probe> probes{
            {QStringLiteral("get"),
             [&](Actor& a, const auto& t) { return a->call(Method::GetTicket, ref(t)); },
             {QStringLiteral("customer"), QStringLiteral("agent"), QStringLiteral("admin")}},
            {QStringLiteral("get by number"),
             [](Actor& a, const auto& t) {
                 return a->call(Method::GetTicket, common::TicketRef{0, t.number}.toCbor());
             },
             {QStringLiteral("customer"), QStringLiteral("agent"), QStringLiteral("admin")}},
            {QStringLiteral("history"),
             [&](Actor& a, const auto& t) { return a->call(Method::TicketHistory, ref(t)); },
             {QStringLiteral("customer"), QStringLiteral("agent"), QStringLiteral("admin")}},
            {QStringLiteral("public reply"),
             [](Actor& a, const auto& t) {
                 return a->call(Method::Reply, common::ReplyParams{t.id, QStringLiteral("hi"), false, {}, 0}.toCbor());
             },
             {QStringLiteral("customer"), QStringLiteral("agent"), QStringLiteral("admin")}},
            {QStringLiteral("internal note"),
             [](Actor& a, const auto& t) {
                 return a->call(Method::Reply, common::ReplyParams{t.id, QStringLiteral("psst"), true, {}, 0}.toCbor());
             },
             {QStringLiteral("agent"), QStringLiteral("admin")}},
            {QStringLiteral("status to in_progress"),
             [](Actor& a, const auto& t) {
                 return a->call(Method::SetStatus,
                                common::SetStatusParams{t.id, common::TicketStatus::InProgress}.toCbor());
             },
             {QStringLiteral("agent"), QStringLiteral("admin")}},
            {QStringLiteral("resolve"),
             [](Actor& a, const auto& t) {
                 return a->call(Method::Resolve, common::ResolveParams{t.id, QStringLiteral("done")}.toCbor());
             },
             {QStringLiteral("agent"), QStringLiteral("admin")}},
            {QStringLiteral("assign"),
             [&desk](Actor& a, const auto& t) {
                 return a->call(Method::Assign, common::AssignParams{t.id, desk.otherAgent.user.id}.toCbor());
             },
             {QStringLiteral("admin")}},
            {QStringLiteral("delete"),
             [&](Actor& a, const auto& t) { return a->call(Method::DeleteTicket, ref(t)); },
             {QStringLiteral("admin")}},
            // Nobody succeeds on an assigned ticket: staff may never rate, the owner only once
            // it is resolved (TestTicketRating covers that).
            {QStringLiteral("rate"),
             [](Actor& a, const auto& t) {
                 return a->call(Method::RateTicket, common::RateTicketParams{t.id, 5, {}}.toCbor());
             },
             {}},
        };

        for (const auto& probe : probes) {
            for (const auto& [name, actor] : actors) {
                const auto ticket = desk.assignedTicket(desk.customer, desk.agent, QStringLiteral("probe"));
                const auto result = probe.call(*actor, ticket);
                const bool expected = probe.allowed.contains(name);
                const QString what = probe.name + QStringLiteral(" as ") + name;
                QVERIFY2(result.ok() == expected,
                         qPrintable(what + (result.ok() ? QString() : result.error().message)));
                if (expected)
                    continue;
                const auto code = result.error().code;
                // The owner may be refused by the workflow rather than by permission.
                QVERIFY2(code == ErrorCode::NotFound || code == ErrorCode::PermissionDenied ||
                             (name == QLatin1String("customer") && code == ErrorCode::InvalidTransition),
                         qPrintable(what));
                // Someone who may not see the ticket learns nothing about it, not even that it exists.
                const bool maySee = name == QLatin1String("customer") || name == QLatin1String("agent");
                if (!maySee && probe.name != QLatin1String("assign") && probe.name != QLatin1String("delete") &&
                    probe.name != QLatin1String("resolve") && probe.name != QLatin1String("rate"))
                    QVERIFY2(code == ErrorCode::NotFound, qPrintable(what));
            }
        }
    }

    void guessingIdsRevealsNothing()
    {
        HelpDesk& desk = *m_desk;
        const auto ticket = desk.createTicket(desk.customer, QStringLiteral("private"));
        const auto foreign = desk.otherCustomer->call(Method::GetTicket, common::TicketRef{ticket.id, {}}.toCbor());
        const auto missing =
            desk.otherCustomer->call(Method::GetTicket, common::TicketRef{ticket.id + 1000, {}}.toCbor());
        QCOMPARE(foreign.error().code, ErrorCode::NotFound);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QCOMPARE(foreign.error().message.section(QLatin1Char(' '), 0, 3),
                 missing.error().message.section(QLatin1Char(' '), 0, 3));
    }

    void creatingTicketsForOthers()
    {
        HelpDesk& desk = *m_desk;
        common::CreateTicketParams params{QStringLiteral("On behalf"), QStringLiteral("Phoned in."), 2,
                                          common::TicketPriority::Low, desk.customer.user.id,        {}};
        QCOMPARE(desk.otherCustomer->call(Method::CreateTicket, params.toCbor()).error().code,
                 ErrorCode::PermissionDenied);
        QCOMPARE(desk.agent->call(Method::CreateTicket, params.toCbor()).error().code, ErrorCode::PermissionDenied);
        auto byAdmin = desk.admin->call(Method::CreateTicket, params.toCbor());
        QVERIFY2(byAdmin.ok(), qPrintable(byAdmin.error().message));
        QCOMPARE(common::TicketInfo::fromCbor(byAdmin->value(QLatin1String("ticket")).toMap())->customerId,
                 desk.customer.user.id);
        params.customerId = desk.agent.user.id; // not a customer
        QCOMPARE(desk.admin->call(Method::CreateTicket, params.toCbor()).error().code, ErrorCode::ValidationFailed);
    }

    void unassignedPoolIsReadOnlyForAgents()
    {
        HelpDesk& desk = *m_desk;
        const auto pool = desk.createTicket(desk.customer, QStringLiteral("Nobody's yet"));
        QVERIFY(desk.agent->call(Method::GetTicket, common::TicketRef{pool.id, {}}.toCbor()).ok());
        QCOMPARE(desk.agent
                     ->call(Method::Reply, common::ReplyParams{pool.id, QStringLiteral("mine?"), false, {}, 0}.toCbor())
                     .error()
                     .code,
                 ErrorCode::PermissionDenied);
        QCOMPARE(desk.agent->call(Method::Resolve, common::ResolveParams{pool.id, QStringLiteral("x")}.toCbor())
                     .error()
                     .code,
                 ErrorCode::PermissionDenied);
    }

    void unassignedPoolCanBeHidden()
    {
        auto config = TestServer::defaultConfig();
        config.tickets.agentsSeeUnassigned = false;
        HelpDesk desk(config);
        QVERIFY(desk.ready());
        const auto pool = desk.createTicket(desk.customer, QStringLiteral("Nobody's yet"));
        QCOMPARE(desk.agent->call(Method::GetTicket, common::TicketRef{pool.id, {}}.toCbor()).error().code,
                 ErrorCode::NotFound);
        const auto search = desk.agent->callFor<common::TicketPage>(
            Method::SearchTickets, common::SearchTicketsParams{QStringLiteral("nobody"), 50, 0}.toCbor());
        QVERIFY2(search.ok(), qPrintable(search.error().message));
        QCOMPARE(search->total, 0);
        QCOMPARE(desk.admin
                     ->callFor<common::TicketPage>(
                         Method::SearchTickets, common::SearchTicketsParams{QStringLiteral("nobody"), 50, 0}.toCbor())
                     ->total,
                 1);
    }

    void onlyActiveAgentsCanBeAssigned()
    {
        HelpDesk& desk = *m_desk;
        const auto ticket = desk.createTicket(desk.customer, QStringLiteral("who?"));
        for (const qint64 notAnAgent : {desk.customer.user.id, desk.admin.user.id, qint64{99999}}) {
            QCOMPARE(
                desk.admin->call(Method::Assign, common::AssignParams{ticket.id, notAnAgent}.toCbor()).error().code,
                ErrorCode::ValidationFailed);
        }
    }
};

QTEST_GUILESS_MAIN(TestTicketPermissions)
#include "TestTicketPermissions.moc"
