#include "TicketRatings.h"

#include "Clock.h"
#include "ServiceLog.h"
#include "TicketQueries.h"
#include "TicketStores.h"
#include "common/TicketValidation.h"
#include "store/Database.h"
#include "store/Transaction.h"

namespace ccr::server {

using common::Error;
using common::ErrorCode;
using common::FieldError;
using common::TicketInfo;
using common::TicketStatus;
namespace Rules = common::TicketValidation;

namespace {

Error saveFailed()
{
    return Error(ErrorCode::Internal, QStringLiteral("The rating could not be saved."));
}

QString starsText(int stars)
{
    return stars > 0 ? QString::number(stars) : QString();
}

} // namespace

TicketRatings::TicketRatings(TicketStores& stores, const TicketQueries& queries, const Clock& clock, QObject* parent)
    : QObject(parent), m_stores(stores), m_queries(queries), m_clock(clock)
{}

common::Result<TicketInfo> TicketRatings::rate(const Caller& caller, const common::RateTicketParams& params)
{
    // The permission table already limits the method to customers; kept here so the rule
    // holds for any caller of the service.
    if (caller.role != common::Role::Customer)
        return Error(ErrorCode::PermissionDenied, QStringLiteral("Only the ticket's customer can rate it."));
    // Another customer's ticket is answered like a missing one, as everywhere else.
    auto found = m_queries.visibleTicket(caller, {params.ticketId, {}});
    if (!found)
        return found.error();
    TicketInfo ticket = found.value();
    if (ticket.status != TicketStatus::Resolved && ticket.status != TicketStatus::Closed)
        return Error(ErrorCode::InvalidTransition,
                     QStringLiteral("The ticket is %1; it can be rated once it is resolved.")
                         .arg(common::wireName(ticket.status)));

    QList<FieldError> problems;
    if (const auto problem = Rules::checkRatingStars(params.stars))
        problems.append({QStringLiteral("stars"), *problem});
    if (const auto problem = Rules::checkRatingComment(params.comment))
        problems.append({QStringLiteral("comment"), *problem});
    if (!problems.isEmpty())
        return common::validationError(problems);

    const QDateTime now = m_clock.now();
    const QString comment = params.comment.trimmed();
    Transaction transaction(m_stores.database);
    if (!transaction.isActive())
        return saveFailed();
    // Each rating is kept in the audit trail, so a replaced rating (and its comment) stays on record.
    if (!audit(ticket, caller, QStringLiteral("rating"), starsText(ticket.rating), starsText(params.stars)))
        return saveFailed();
    if (comment != ticket.ratingComment &&
        !audit(ticket, caller, QStringLiteral("ratingComment"), ticket.ratingComment, comment))
        return saveFailed();
    ticket.rating = params.stars;
    ticket.ratingComment = comment;
    ticket.ratedAt = now;
    if (auto saved = m_stores.tickets.save(ticket, now); !saved)
        return saved.error();
    const auto rated = m_stores.tickets.find(ticket.id);
    if (!rated || !transaction.commit())
        return saveFailed();
    qCInfo(lcTickets) << "ticket" << rated->number << "rated" << rated->rating << "by customer" << caller.userId;
    Q_EMIT ticketUpdated(*rated);
    return *rated;
}

common::Result<void> TicketRatings::audit(const TicketInfo& ticket, const Caller& caller, const QString& field,
                                          const QString& oldValue, const QString& newValue)
{
    return m_stores.events.insert({0, ticket.id, caller.userId, {}, m_clock.now(), field, oldValue, newValue}, false);
}

} // namespace ccr::server
