#include "HelpDesk.h"
#include "common/FieldError.h"
#include "common/Protocol.h"
#include "common/TicketValidation.h"
#include "common/tickets/ListTicketsParams.h"
#include "common/tickets/RateTicketParams.h"
#include "common/tickets/ResolveParams.h"
#include "common/tickets/SearchTicketsParams.h"
#include "common/tickets/SetStatusParams.h"
#include "common/tickets/TicketDetail.h"
#include "common/tickets/TicketHistory.h"
#include "common/tickets/TicketPage.h"
#include "common/tickets/TicketRef.h"
#include "common/tickets/TicketResult.h"

#include <QTest>

using namespace ccr;
using namespace ccr::tests;
using common::ErrorCode;
using common::FieldError;
using common::FieldProblem;
using common::TicketStatus;
namespace Method = common::Protocol::Method;
namespace Event = common::Protocol::Event;

namespace {

// Non-ASCII on purpose: German, an emoji outside the BMP and Tamil.
const QString kComment = QStringLiteral("Schnell gelöst — danke! 👍 நன்றி");

common::Result<common::TicketResult> rate(Actor& actor, qint64 ticketId, int stars, const QString& comment = {})
{
    return actor->callFor<common::TicketResult>(Method::RateTicket,
                                                common::RateTicketParams{ticketId, stars, comment}.toCbor());
}

common::TicketInfo fetch(Actor& actor, qint64 ticketId)
{
    auto detail = actor->callFor<common::TicketDetail>(Method::GetTicket, common::TicketRef{ticketId, {}}.toCbor());
    if (!detail)
        qFatal("tickets.get failed: %s", qPrintable(detail.error().message));
    return detail->ticket;
}

void settle(HelpDesk& desk)
{
    for (Actor* actor : {&desk.customer, &desk.otherCustomer, &desk.agent, &desk.otherAgent, &desk.admin}) {
        if (!(*actor)->sync())
            qFatal("a connection stopped answering");
    }
}

} // namespace

class TestTicketRating final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HelpDesk> m_desk;

    /** A ticket of desk.customer, assigned to desk.agent and resolved by them. */
    common::TicketInfo resolvedTicket(const QString& subject)
    {
        HelpDesk& desk = *m_desk;
        const auto ticket = desk.assignedTicket(desk.customer, desk.agent, subject);
        auto resolved = desk.agent->callFor<common::TicketResult>(
            Method::Resolve, common::ResolveParams{ticket.id, QStringLiteral("Refund sent.")}.toCbor());
        if (!resolved)
            qFatal("resolving failed: %s", qPrintable(resolved.error().message));
        return resolved->ticket;
    }

private Q_SLOTS:
    void init()
    {
        m_desk = std::make_unique<HelpDesk>();
        QVERIFY(m_desk->ready());
    }
    void cleanup() { m_desk.reset(); }

    void customerRatesAResolvedTicketAndStaffSeeIt()
    {
        HelpDesk& desk = *m_desk;
        const auto resolved = resolvedTicket(QStringLiteral("Kettle refund"));
        QCOMPARE(resolved.rating, 0);
        QVERIFY(!resolved.ratedAt.isValid());
        settle(desk);
        for (Actor* actor : {&desk.customer, &desk.otherCustomer, &desk.agent, &desk.otherAgent, &desk.admin})
            (*actor)->clearEvents();
        desk.server().clock().advanceSeconds(60);
        const QDateTime now = desk.server().clock().now();

        // Surrounding white space is trimmed, like every other text.
        auto rated = rate(desk.customer, resolved.id, 4, QStringLiteral("  ") + kComment + QStringLiteral("\n"));
        QVERIFY2(rated.ok(), qPrintable(rated.ok() ? QString() : rated.error().message));
        QCOMPARE(rated->ticket.rating, 4);
        QCOMPARE(rated->ticket.ratingComment, kComment);
        QCOMPARE(rated->ticket.ratedAt, now);
        QCOMPARE(rated->ticket.status, TicketStatus::Resolved); // rating never moves the status
        QCOMPARE(rated->ticket.version, resolved.version + 1);
        QCOMPARE(rated->ticket.updatedAt, now);

        // The assigned agent hears of it live, with the rating in the ticket.
        const auto pushed = desk.agent->waitForEvent(Event::TicketUpdated);
        QVERIFY(pushed.has_value());
        const auto pushedTicket = common::TicketInfo::fromCbor(pushed->value(QLatin1String("ticket")).toMap());
        QVERIFY(pushedTicket.ok());
        QCOMPARE(pushedTicket->rating, 4);
        QCOMPARE(pushedTicket->ratingComment, kComment);
        QCOMPARE(pushedTicket->ratedAt, now);
        settle(desk);
        QCOMPARE(desk.admin->eventsNamed(Event::TicketUpdated).size(), 1);
        QCOMPARE(desk.otherCustomer->eventsNamed(Event::TicketUpdated).size(), 0);
        QCOMPARE(desk.otherAgent->eventsNamed(Event::TicketUpdated).size(), 0);

        // Admins read it in tickets.get, tickets.list and tickets.search.
        const auto got = fetch(desk.admin, resolved.id);
        QCOMPARE(got.rating, 4);
        QCOMPARE(got.ratingComment, kComment);
        QCOMPARE(got.ratedAt, now);
        const auto page =
            desk.admin->callFor<common::TicketPage>(Method::ListTickets, common::ListTicketsParams{}.toCbor());
        QVERIFY(page.ok());
        bool listed = false;
        const QList<common::TicketInfo> tickets = page->tickets;
        for (const auto& ticket : tickets) {
            if (ticket.id != resolved.id)
                continue;
            listed = true;
            QCOMPARE(ticket.rating, 4);
            QCOMPARE(ticket.ratingComment, kComment);
            QCOMPARE(ticket.ratedAt, now);
        }
        QVERIFY(listed);
        const auto found = desk.admin->callFor<common::TicketPage>(
            Method::SearchTickets, common::SearchTicketsParams{QStringLiteral("kettle"), 10, 0}.toCbor());
        QVERIFY(found.ok());
        QCOMPARE(found->tickets.size(), 1);
        QCOMPARE(found->tickets.constFirst().rating, 4);
    }

    void onlyResolvedOrClosedTicketsCanBeRated()
    {
        HelpDesk& desk = *m_desk;
        const auto fresh = desk.createTicket(desk.customer, QStringLiteral("Still new"));
        const auto refused = rate(desk.customer, fresh.id, 5);
        QCOMPARE(refused.error().code, ErrorCode::InvalidTransition);
        QVERIFY2(refused.error().message.contains(QLatin1String("once it is resolved")),
                 qPrintable(refused.error().message));

        const auto working = desk.assignedTicket(desk.customer, desk.agent, QStringLiteral("Being worked on"));
        QVERIFY(
            desk.agent->call(Method::SetStatus, common::SetStatusParams{working.id, TicketStatus::InProgress}.toCbor())
                .ok());
        QCOMPARE(rate(desk.customer, working.id, 3).error().code, ErrorCode::InvalidTransition);
        QCOMPARE(fetch(desk.customer, working.id).rating, 0);

        // Closed tickets may be rated (closing is often the customer's confirmation).
        const auto resolved = resolvedTicket(QStringLiteral("To be closed"));
        QVERIFY(
            desk.customer->call(Method::SetStatus, common::SetStatusParams{resolved.id, TicketStatus::Closed}.toCbor())
                .ok());
        const auto closed = rate(desk.customer, resolved.id, 5);
        QVERIFY2(closed.ok(), qPrintable(closed.ok() ? QString() : closed.error().message));
        QCOMPARE(closed->ticket.status, TicketStatus::Closed);
        QCOMPARE(closed->ticket.rating, 5);
        QVERIFY(closed->ticket.ratingComment.isEmpty());
    }

    void starsAndCommentAreValidated()
    {
        HelpDesk& desk = *m_desk;
        const auto ticket = resolvedTicket(QStringLiteral("Validation"));
        const QString tooLong(common::TicketValidation::kMaxRatingCommentLength + 1, QLatin1Char('x'));

        const auto none = rate(desk.customer, ticket.id, 0);
        QCOMPARE(none.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(common::fieldErrorsOf(none.error()),
                 (QList<FieldError>{{QStringLiteral("stars"), FieldProblem::Required}}));
        const auto six = rate(desk.customer, ticket.id, 6);
        QCOMPARE(six.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(common::fieldErrorsOf(six.error()),
                 (QList<FieldError>{{QStringLiteral("stars"), FieldProblem::InvalidFormat}}));
        const auto wordy = rate(desk.customer, ticket.id, 3, tooLong);
        QCOMPARE(wordy.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(common::fieldErrorsOf(wordy.error()),
                 (QList<FieldError>{{QStringLiteral("comment"), FieldProblem::TooLong}}));
        // Both problems at once, so the app can mark both fields.
        QCOMPARE(common::fieldErrorsOf(rate(desk.customer, ticket.id, 9, tooLong).error()).size(), 2);

        // Nothing was stored by the refused calls; the longest allowed comment is fine.
        const auto unchanged = fetch(desk.admin, ticket.id);
        QCOMPARE(unchanged.rating, 0);
        QCOMPARE(unchanged.version, ticket.version);
        const QString longest(common::TicketValidation::kMaxRatingCommentLength, QChar(0x00e9));
        const auto ok = rate(desk.customer, ticket.id, 1, longest);
        QVERIFY(ok.ok());
        QCOMPARE(ok->ticket.ratingComment, longest);
    }

    void onlyTheTicketsOwnCustomerMayRate()
    {
        HelpDesk& desk = *m_desk;
        const auto ticket = resolvedTicket(QStringLiteral("Whose rating"));
        QCOMPARE(rate(desk.agent, ticket.id, 5).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(rate(desk.otherAgent, ticket.id, 5).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(rate(desk.admin, ticket.id, 5).error().code, ErrorCode::PermissionDenied);
        // Another customer learns nothing: the same answer as for a ticket that does not exist.
        const auto foreign = rate(desk.otherCustomer, ticket.id, 1);
        const auto missing = rate(desk.otherCustomer, ticket.id + 1000, 1);
        QCOMPARE(foreign.error().code, ErrorCode::NotFound);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QCOMPARE(fetch(desk.admin, ticket.id).rating, 0);
    }

    void ratingAgainReplacesItAndBothAreInTheHistory()
    {
        HelpDesk& desk = *m_desk;
        const auto ticket = resolvedTicket(QStringLiteral("Changed my mind"));
        const auto first = rate(desk.customer, ticket.id, 4, kComment);
        QVERIFY(first.ok());
        desk.server().clock().advanceSeconds(3600);
        const auto second = rate(desk.customer, ticket.id, 2, QStringLiteral("It broke again."));
        QVERIFY(second.ok());
        QCOMPARE(second->ticket.rating, 2);
        QCOMPARE(second->ticket.ratingComment, QStringLiteral("It broke again."));
        QCOMPARE(second->ticket.ratedAt, desk.server().clock().now());
        QCOMPARE(second->ticket.version, first->ticket.version + 1);

        const auto history = desk.admin->callFor<common::TicketHistory>(Method::TicketHistory,
                                                                        common::TicketRef{ticket.id, {}}.toCbor());
        QVERIFY(history.ok());
        QStringList ratings;
        QStringList comments;
        const QList<common::TicketEventInfo> events = history->events;
        for (const auto& event : events) {
            if (event.field == QLatin1String("rating")) {
                ratings << event.oldValue + QStringLiteral("->") + event.newValue;
                QCOMPARE(event.actorId, desk.customer.user.id);
            } else if (event.field == QLatin1String("ratingComment")) {
                comments << event.newValue;
            }
        }
        QCOMPARE(ratings, (QStringList{QStringLiteral("->4"), QStringLiteral("4->2")}));
        QCOMPARE(comments, (QStringList{kComment, QStringLiteral("It broke again.")}));
    }

    void ratingSurvivesARestart()
    {
        HelpDesk& desk = *m_desk;
        const auto ticket = resolvedTicket(QStringLiteral("Durable"));
        const auto rated = rate(desk.customer, ticket.id, 5, kComment);
        QVERIFY(rated.ok());

        desk.server().stop();
        QVERIFY(desk.admin->waitForState(app::ConnectionState::Reconnecting));
        QVERIFY(desk.server().start());
        QVERIFY(desk.admin->waitConnected(15000));

        const auto after = fetch(desk.admin, ticket.id);
        QCOMPARE(after.rating, 5);
        QCOMPARE(after.ratingComment, kComment);
        QCOMPARE(after.ratedAt, rated->ticket.ratedAt);
        QCOMPARE(after.version, rated->ticket.version);
    }
};

QTEST_GUILESS_MAIN(TestTicketRating)
#include "TestTicketRating.moc"
