#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/**
 * tickets.rate params (since 1.4): the customer's 1..5 stars for the resolution and an
 * optional comment. The rules are TicketValidation::checkRatingStars / checkRatingComment;
 * the read limit on the comment is higher than the rule, so a comment a little too long is
 * answered with validation_failed on "comment" rather than refused as malformed.
 */
struct RateTicketParams
{
    qint64 ticketId = 0;
    int stars = 0;
    QString comment;

    static auto fields()
    {
        return std::tuple{cbor::required("ticketId", &RateTicketParams::ticketId),
                          cbor::required("stars", &RateTicketParams::stars),
                          cbor::optional("comment", &RateTicketParams::comment)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<RateTicketParams> fromCbor(const QCborMap& map) { return cbor::fromMap<RateTicketParams>(map); }
    friend bool operator==(const RateTicketParams&, const RateTicketParams&) = default;
};

} // namespace ccr::common
