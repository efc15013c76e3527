#include "HelpDesk.h"
#include "common/Protocol.h"
#include "common/tickets/AgentLoadList.h"
#include "common/tickets/AssignParams.h"
#include "common/tickets/CategoryList.h"
#include "common/tickets/CategoryResult.h"
#include "common/tickets/CreateCategoryParams.h"
#include "common/tickets/CreateTicketParams.h"
#include "common/tickets/ListCategoriesParams.h"
#include "common/tickets/ListTicketsParams.h"
#include "common/tickets/RenameCategoryParams.h"
#include "common/tickets/ReplyParams.h"
#include "common/tickets/SearchTicketsParams.h"
#include "common/tickets/SetCategoryActiveParams.h"
#include "common/tickets/SetStatusParams.h"
#include "common/tickets/TicketCounts.h"
#include "common/tickets/TicketHistory.h"
#include "common/tickets/TicketPage.h"
#include "common/tickets/TicketRef.h"
#include "common/tickets/TicketResult.h"

#include "store/SearchIndex.h"
#include <QSet>

#include <QTest>

using namespace ccr;
using namespace ccr::tests;
using common::ErrorCode;
using common::TicketPriority;
namespace Method = common::Protocol::Method;
namespace Event = common::Protocol::Event;

namespace {

QStringList subjects(const common::TicketPage& page)
{
    QStringList result;
    for (const auto& ticket : page.tickets)
        result << ticket.subject;
    return result;
}

common::Result<common::TicketPage> search(Actor& actor, const QString& words)
{
    return actor->callFor<common::TicketPage>(Method::SearchTickets,
                                              common::SearchTicketsParams{words, 50, 0}.toCbor());
}

/** The ids a search finds, best first; none if it failed. */
QList<qint64> foundIds(Actor& actor, const QString& words)
{
    QList<qint64> ids;
    if (const auto found = search(actor, words))
        for (const auto& ticket : found->tickets)
            ids.append(ticket.id);
    return ids;
}

common::Result<common::TicketPage> list(Actor& actor, const common::ListTicketsParams& params)
{
    return actor->callFor<common::TicketPage>(Method::ListTickets, params.toCbor());
}

qint64 countFor(const QList<common::CountEntry>& entries, const QString& key)
{
    for (const auto& entry : entries) {
        if (entry.key == key)
            return entry.count;
    }
    return 0;
}

/** The admin's dashboard counts (kept by triggers) against totals counted from the tickets themselves. */
void verifyCountsMatchLists(HelpDesk& desk)
{
    const auto counts = desk.admin->callFor<common::TicketCounts>(Method::TicketCounts);
    QVERIFY2(counts.ok(), qPrintable(counts.error().message));
    // A date filter has no tally, so the list's total is counted from the tickets, not taken
    // from the same tallies (TicketListPlan).
    const auto counted = [&desk](common::ListTicketsParams params) {
        params.createdFrom = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        return list(desk.admin, params)->total;
    };
    using common::TicketStatus;
    for (const auto status : {TicketStatus::New, TicketStatus::Assigned, TicketStatus::InProgress,
                              TicketStatus::WaitingOnCustomer, TicketStatus::Resolved, TicketStatus::Closed}) {
        common::ListTicketsParams params;
        params.statuses = {status};
        QCOMPARE(countFor(counts->byStatus, common::wireName(status)), counted(params));
    }
    for (const auto priority :
         {TicketPriority::Low, TicketPriority::Medium, TicketPriority::High, TicketPriority::Urgent}) {
        common::ListTicketsParams params;
        params.priorities = {priority};
        QCOMPARE(countFor(counts->byPriority, common::wireName(priority)), counted(params));
    }
    for (const qint64 agentId : {desk.agent.user.id, desk.otherAgent.user.id}) {
        common::ListTicketsParams params;
        params.agentId = agentId;
        QCOMPARE(countFor(counts->byAgent, QString::number(agentId)), counted(params));
    }
    common::ListTicketsParams unassigned;
    unassigned.unassignedOnly = true;
    QCOMPARE(countFor(counts->byAgent, QStringLiteral("0")), counted(unassigned));
    for (qint64 category = 1; category <= 5; ++category) {
        common::ListTicketsParams params;
        params.categoryIds = {category};
        QCOMPARE(countFor(counts->byCategory, QString::number(category)), counted(params));
    }
}

} // namespace

class TestTicketQueries final : public QObject
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

    void searchFindsSubjectDescriptionAndRepliesRanked()
    {
        HelpDesk& desk = *m_desk;
        const auto inBody = desk.createTicket(desk.customer, QStringLiteral("Order question"),
                                              QStringLiteral("My refund has not arrived."));
        const auto inSubject = desk.createTicket(desk.customer, QStringLiteral("Refund missing"),
                                                 QStringLiteral("Nothing came back yet."));
        const auto inReply = desk.assignedTicket(desk.customer, desk.agent, QStringLiteral("Delivery late"));
        QVERIFY(
            desk.customer
                ->call(Method::Reply,
                       common::ReplyParams{inReply.id, QStringLiteral("Also a refund please"), false, {}, 0}.toCbor())
                .ok());
        desk.createTicket(desk.customer, QStringLiteral("Unrelated"), QStringLiteral("Nothing to see."));
        desk.createTicket(desk.otherCustomer, QStringLiteral("Refund for someone else"));

        const auto hits = search(desk.customer, QStringLiteral("refund"));
        QVERIFY2(hits.ok(), qPrintable(hits.error().message));
        QCOMPARE(hits->total, 3);
        QCOMPARE(hits->tickets.constFirst().id, inSubject.id); // a subject hit ranks first
        QSet<qint64> ids;
        for (const auto& ticket : hits->tickets)
            ids.insert(ticket.id);
        QCOMPARE(ids, (QSet<qint64>{inBody.id, inSubject.id, inReply.id}));

        // Prefix, case, diacritics and typed punctuation are all handled.
        QCOMPARE(search(desk.customer, QStringLiteral("REFU"))->total, 3);
        QCOMPARE(search(desk.customer, QStringLiteral("réfund, \"missing!")).value().total, 1);
        QCOMPARE(search(desk.customer, QStringLiteral("   "))->total, 0);
        QCOMPARE(search(desk.admin, QStringLiteral("refund"))->total, 4);
    }

    void aCustomerFindsWordsInAnyScriptAndWithUnderscores()
    {
        HelpDesk& desk = *m_desk;
        const auto tamil = desk.createTicket(desk.customer, QStringLiteral("கெட்டில் உடைந்தது"),
                                             QStringLiteral("நேற்று வாங்கிய கெட்டில் வேலை செய்யவில்லை."));
        const auto hindi = desk.createTicket(desk.customer, QStringLiteral("केतली टूट गई"),
                                             QStringLiteral("कल खरीदी केतली काम नहीं करती।"));
        const auto code = desk.createTicket(desk.customer, QStringLiteral("Error code"),
                                            QStringLiteral("The display shows ERR_HEAT_42 after a minute."));
        desk.createTicket(desk.otherCustomer, QStringLiteral("கெட்டில் केतली ERR_HEAT_42"));

        auto idsOf = [&](const QString& words) { return foundIds(desk.customer, words); };
        QCOMPARE(idsOf(QStringLiteral("கெட்டில்")), (QList<qint64>{tamil.id}));
        QCOMPARE(idsOf(QStringLiteral("केतली")), (QList<qint64>{hindi.id}));
        QCOMPARE(idsOf(QStringLiteral("err_heat_42")), (QList<qint64>{code.id}));
        QCOMPARE(idsOf(QStringLiteral("heat")), (QList<qint64>{code.id}));
        QCOMPARE(idsOf(QStringLiteral("ERR_HE")), (QList<qint64>{code.id}));
        QVERIFY(idsOf(QStringLiteral("டெலிவரி")).isEmpty());
    }

    void aStaffPrefixStandsForTheWordsItBegins()
    {
        HelpDesk& desk = *m_desk;
        const auto charged = desk.createTicket(desk.customer, QStringLiteral("Card charged twice"));
        const auto charger = desk.createTicket(desk.customer, QStringLiteral("Charger broken"),
                                               QStringLiteral("The card reader and its charger"));
        const auto chart = desk.createTicket(desk.otherCustomer, QStringLiteral("Chart"), QStringLiteral("Card chart"));
        desk.createTicket(desk.customer, QStringLiteral("Card declined"));
        // More words begin with "zq" than are looked up one by one: FTS5's own prefix search.
        QStringList many;
        for (int i = 0; i < server::SearchIndex::kMaxExpansion + 5; ++i)
            many.append(QStringLiteral("zq%1x").arg(i));
        const auto crowded = desk.createTicket(desk.customer, QStringLiteral("Crowded"), many.join(QLatin1Char(' ')));

        auto idsOf = [&](const QString& words) {
            const auto ids = foundIds(desk.admin, words);
            return QSet<qint64>(ids.cbegin(), ids.cend());
        };
        QCOMPARE(idsOf(QStringLiteral("card char")), (QSet<qint64>{charged.id, charger.id, chart.id}));
        QCOMPARE(idsOf(QStringLiteral("CARD CHARGE")), (QSet<qint64>{charged.id, charger.id}));
        QCOMPARE(idsOf(QStringLiteral("chärg")), (QSet<qint64>{charged.id, charger.id})); // folded like the index
        QCOMPARE(idsOf(QStringLiteral("card charx")), QSet<qint64>{});
        QCOMPARE(idsOf(QStringLiteral("zq")), (QSet<qint64>{crowded.id}));
        QCOMPARE(idsOf(QStringLiteral("zq3")), (QSet<qint64>{crowded.id}));
        // Ranked as before: the shortest text with a subject and a body hit first.
        QCOMPARE(search(desk.admin, QStringLiteral("char"))->tickets.constFirst().id, chart.id);
    }

    void listsFilterSortAndPaginateStably()
    {
        HelpDesk& desk = *m_desk;
        for (int i = 0; i < 25; ++i) {
            desk.createTicket(desk.customer, QStringLiteral("Ticket %1").arg(i, 2, 10, QLatin1Char('0')),
                              QStringLiteral("body"), i % 2 ? TicketPriority::High : TicketPriority::Low, 1 + i % 3);
            desk.server().clock().advanceSeconds(60);
        }
        common::ListTicketsParams params;
        params.sort = QStringLiteral("created");
        params.limit = 10;
        auto first = list(desk.customer, params);
        QVERIFY2(first.ok(), qPrintable(first.error().message));
        QCOMPARE(first->total, 25);
        QCOMPARE(first->tickets.size(), 10);
        QCOMPARE(first->tickets.constFirst().subject, QStringLiteral("Ticket 24")); // newest first

        // New tickets arriving between pages neither repeat nor skip anything.
        desk.createTicket(desk.customer, QStringLiteral("Late arrival 1"));
        params.cursor = first->nextCursor;
        auto second = list(desk.customer, params);
        desk.createTicket(desk.customer, QStringLiteral("Late arrival 2"));
        params.cursor = second->nextCursor;
        auto third = list(desk.customer, params);
        QVERIFY(third.ok());
        QVERIFY(third->nextCursor.isEmpty());
        QStringList all = subjects(first.value()) + subjects(second.value()) + subjects(third.value());
        QCOMPARE(all.size(), 25);
        for (int i = 0; i < 25; ++i)
            QCOMPARE(all.at(i), QStringLiteral("Ticket %1").arg(24 - i, 2, 10, QLatin1Char('0')));

        common::ListTicketsParams filtered;
        filtered.priorities = {TicketPriority::High};
        filtered.categoryIds = {2};
        filtered.limit = 50;
        auto high = list(desk.customer, filtered);
        QVERIFY(high.ok());
        for (const auto& ticket : high->tickets)
            QVERIFY(ticket.priority == TicketPriority::High && ticket.categoryId == 2);
        QCOMPARE(high->total, 4); // i odd and i % 3 == 1: 1, 7, 13, 19

        common::ListTicketsParams byPriority;
        byPriority.sort = QStringLiteral("priority");
        byPriority.limit = 200;
        auto sorted = list(desk.customer, byPriority);
        QCOMPARE(sorted->tickets.constFirst().priority, TicketPriority::High);
        QCOMPARE(sorted->tickets.constLast().priority, TicketPriority::Low);

        common::ListTicketsParams window;
        window.createdFrom = first->tickets.at(4).createdAt;
        window.createdTo = first->tickets.at(1).createdAt;
        QCOMPARE(list(desk.customer, window)->total, 3);

        common::ListTicketsParams bad;
        bad.sort = QStringLiteral("mood");
        QCOMPARE(list(desk.customer, bad).error().code, ErrorCode::InvalidParams);
        bad = {};
        bad.cursor = QStringLiteral("not-a-cursor");
        QCOMPARE(list(desk.customer, bad).error().code, ErrorCode::InvalidParams);
    }

    void eachRoleListsWhatItMaySee()
    {
        HelpDesk& desk = *m_desk;
        desk.createTicket(desk.customer, QStringLiteral("mine"));
        desk.createTicket(desk.otherCustomer, QStringLiteral("theirs"));
        const auto assigned = desk.assignedTicket(desk.otherCustomer, desk.agent, QStringLiteral("agent's"));
        desk.assignedTicket(desk.customer, desk.otherAgent, QStringLiteral("other agent's"));

        QCOMPARE(list(desk.customer, {})->total, 2);
        QCOMPARE(list(desk.otherCustomer, {})->total, 2);
        QCOMPARE(list(desk.admin, {})->total, 4);
        // The agent sees their own and the unassigned pool.
        QCOMPARE(list(desk.agent, {})->total, 3);
        common::ListTicketsParams mine;
        mine.agentId = desk.agent.user.id;
        auto assignedToMe = list(desk.agent, mine);
        QCOMPARE(assignedToMe->total, 1);
        QCOMPARE(assignedToMe->tickets.constFirst().id, assigned.id);
        // A customer filtering for someone else's tickets still only gets their own.
        common::ListTicketsParams snoop;
        snoop.customerId = desk.otherCustomer.user.id;
        QCOMPARE(list(desk.customer, snoop)->total, 0);
        common::ListTicketsParams deleted;
        deleted.includeDeleted = true;
        QCOMPARE(list(desk.customer, deleted).error().code, ErrorCode::PermissionDenied);
    }

    void countsForDashboards()
    {
        HelpDesk& desk = *m_desk;
        desk.createTicket(desk.customer, QStringLiteral("a"), QStringLiteral("x"), TicketPriority::Urgent, 2);
        desk.createTicket(desk.customer, QStringLiteral("b"), QStringLiteral("x"), TicketPriority::Urgent, 2);
        desk.assignedTicket(desk.otherCustomer, desk.agent, QStringLiteral("c"));
        const auto all = desk.admin->callFor<common::TicketCounts>(Method::TicketCounts);
        QVERIFY2(all.ok(), qPrintable(all.error().message));
        QCOMPARE(countFor(all->byStatus, QStringLiteral("new")), 2);
        QCOMPARE(countFor(all->byStatus, QStringLiteral("assigned")), 1);
        QCOMPARE(countFor(all->byPriority, QStringLiteral("urgent")), 2);
        QCOMPARE(countFor(all->byCategory, QStringLiteral("2")), 2);
        QCOMPARE(countFor(all->byAgent, QString::number(desk.agent.user.id)), 1);
        QCOMPARE(countFor(all->byAgent, QStringLiteral("0")), 2);
        // The admin's picker shows each active agent's open load.
        const auto load = desk.admin->callFor<common::AgentLoadList>(Method::AgentLoad);
        QVERIFY2(load.ok(), qPrintable(load.error().message));
        QCOMPARE(load->agents.size(), 2);
        for (const auto& entry : load->agents)
            QCOMPARE(entry.openTickets, entry.agent.id == desk.agent.user.id ? 1 : 0);
        QCOMPARE(desk.agent->call(Method::AgentLoad).error().code, ErrorCode::PermissionDenied);
        const auto own = desk.customer->callFor<common::TicketCounts>(Method::TicketCounts);
        QCOMPARE(countFor(own->byStatus, QStringLiteral("new")), 2);
        QCOMPARE(countFor(own->byStatus, QStringLiteral("assigned")), 0);
    }

    void countsStayExactThroughEveryChange()
    {
        HelpDesk& desk = *m_desk;
        const auto first =
            desk.createTicket(desk.customer, QStringLiteral("one"), QStringLiteral("x"), TicketPriority::Urgent, 2);
        const auto second = desk.assignedTicket(desk.customer, desk.agent, QStringLiteral("two"));
        desk.createTicket(desk.otherCustomer, QStringLiteral("three"), QStringLiteral("x"), TicketPriority::Low, 4);
        verifyCountsMatchLists(desk);
        if (QTest::currentTestFailed())
            return;

        QVERIFY(
            desk.admin->call(Method::Assign, common::AssignParams{first.id, desk.otherAgent.user.id}.toCbor()).ok());
        QVERIFY(
            desk.agent
                ->call(Method::SetStatus, common::SetStatusParams{second.id, common::TicketStatus::InProgress}.toCbor())
                .ok());
        verifyCountsMatchLists(desk);
        if (QTest::currentTestFailed())
            return;

        QVERIFY(
            desk.admin->call(Method::Assign, common::AssignParams{second.id, desk.otherAgent.user.id}.toCbor()).ok());
        QVERIFY(desk.admin->call(Method::DeleteTicket, common::TicketRef{first.id, {}}.toCbor()).ok());
        verifyCountsMatchLists(desk);
        if (QTest::currentTestFailed())
            return;

        QVERIFY(desk.admin->call(Method::RestoreTicket, common::TicketRef{first.id, {}}.toCbor()).ok());
        verifyCountsMatchLists(desk);
    }

    void searchRanksTheMostRecentCandidatesOfTheSearchersOwn()
    {
        auto config = TestServer::defaultConfig();
        config.tickets.searchCandidates = 3;
        HelpDesk desk(config);
        QVERIFY(desk.ready());
        QList<qint64> mine;
        for (int i = 0; i < 5; ++i)
            mine << desk.createTicket(desk.customer, QStringLiteral("Zebra crossing %1").arg(i)).id;
        // Newer matches of someone else must not crowd the customer's own out of the candidates.
        for (int i = 0; i < 4; ++i)
            desk.createTicket(desk.otherCustomer, QStringLiteral("Zebra print %1").arg(i));

        const auto own = search(desk.customer, QStringLiteral("zebra"));
        QVERIFY2(own.ok(), qPrintable(own.error().message));
        QCOMPARE(own->total, 3);
        QVERIFY(own->totalCapped);
        QSet<qint64> found;
        for (const auto& ticket : own->tickets)
            found.insert(ticket.id);
        QCOMPARE(found, (QSet<qint64>{mine.at(2), mine.at(3), mine.at(4)}));

        const auto everyone = search(desk.admin, QStringLiteral("zebra"));
        QCOMPARE(everyone->total, 3);
        QVERIFY(everyone->totalCapped);
        for (const auto& ticket : everyone->tickets)
            QCOMPARE(ticket.customerId, desk.otherCustomer.user.id);

        const auto few = search(desk.customer, QStringLiteral("crossing 4"));
        QCOMPARE(few->total, 1);
        QVERIFY(!few->totalCapped);
    }

    void softDeleteAndRestore()
    {
        HelpDesk& desk = *m_desk;
        const auto ticket = desk.assignedTicket(desk.customer, desk.agent, QStringLiteral("Spam?"));
        const common::TicketRef ref{ticket.id, {}};
        QVERIFY(desk.admin->call(Method::DeleteTicket, ref.toCbor()).ok());
        QCOMPARE(desk.admin->call(Method::DeleteTicket, ref.toCbor()).error().code, ErrorCode::Conflict);
        QCOMPARE(desk.customer->call(Method::GetTicket, ref.toCbor()).error().code, ErrorCode::NotFound);
        QCOMPARE(desk.agent->call(Method::GetTicket, ref.toCbor()).error().code, ErrorCode::NotFound);
        QCOMPARE(list(desk.customer, {})->total, 0);
        QCOMPARE(list(desk.admin, {})->total, 0);
        common::ListTicketsParams withDeleted;
        withDeleted.includeDeleted = true;
        auto kept = list(desk.admin, withDeleted);
        QCOMPARE(kept->total, 1);
        QVERIFY(kept->tickets.constFirst().deleted);
        QVERIFY(desk.customer->waitForEvent(Event::TicketRemoved).has_value());

        auto restored = desk.admin->callFor<common::TicketResult>(Method::RestoreTicket, ref.toCbor());
        QVERIFY(restored.ok());
        QVERIFY(!restored->ticket.deleted);
        QVERIFY(desk.customer->call(Method::GetTicket, ref.toCbor()).ok());
        const auto history = desk.admin->callFor<common::TicketHistory>(Method::TicketHistory, ref.toCbor());
        QStringList fields;
        for (const auto& event : history->events)
            fields << event.field + QLatin1Char('=') + event.newValue;
        QVERIFY(fields.contains(QStringLiteral("deleted=yes")));
        QCOMPARE(fields.constLast(), QStringLiteral("deleted="));
    }

    void categoriesAreAdminManaged()
    {
        HelpDesk& desk = *m_desk;
        auto seeded = desk.customer->callFor<common::CategoryList>(Method::ListCategories);
        QVERIFY(seeded.ok());
        QCOMPARE(seeded->categories.size(), 5);

        QCOMPARE(
            desk.agent->call(Method::CreateCategory, common::CreateCategoryParams{QStringLiteral("Warranty")}.toCbor())
                .error()
                .code,
            ErrorCode::PermissionDenied);
        auto created = desk.admin->callFor<common::CategoryResult>(
            Method::CreateCategory, common::CreateCategoryParams{QStringLiteral("Warranty")}.toCbor());
        QVERIFY(created.ok());
        const qint64 id = created->category.id;
        QCOMPARE(
            desk.admin->call(Method::CreateCategory, common::CreateCategoryParams{QStringLiteral("warranty")}.toCbor())
                .error()
                .code,
            ErrorCode::Conflict);
        auto renamed = desk.admin->callFor<common::CategoryResult>(
            Method::RenameCategory, common::RenameCategoryParams{id, QStringLiteral("Warranty claims")}.toCbor());
        QCOMPARE(renamed->category.name, QStringLiteral("Warranty claims"));

        const auto ticket = desk.createTicket(desk.customer, QStringLiteral("Under warranty"), QStringLiteral("x"),
                                              TicketPriority::Low, id);
        QVERIFY(desk.admin->call(Method::SetCategoryActive, common::SetCategoryActiveParams{id, false}.toCbor()).ok());
        // The old ticket keeps its category; new tickets cannot pick it; only admins still list it.
        auto kept =
            desk.customer->callFor<common::TicketResult>(Method::GetTicket, common::TicketRef{ticket.id, {}}.toCbor());
        QCOMPARE(kept->ticket.categoryName, QStringLiteral("Warranty claims"));
        const common::CreateTicketParams params{
            QStringLiteral("s"), QStringLiteral("d"), id, TicketPriority::Low, 0, {}};
        QCOMPARE(desk.customer->call(Method::CreateTicket, params.toCbor()).error().code, ErrorCode::ValidationFailed);
        QCOMPARE(
            desk.customer
                ->callFor<common::CategoryList>(Method::ListCategories, common::ListCategoriesParams{true}.toCbor())
                ->categories.size(),
            5);
        QCOMPARE(
            desk.admin
                ->callFor<common::CategoryList>(Method::ListCategories, common::ListCategoriesParams{true}.toCbor())
                ->categories.size(),
            6);
    }
};

QTEST_GUILESS_MAIN(TestTicketQueries)
#include "TestTicketQueries.moc"
