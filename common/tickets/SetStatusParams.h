#pragma once

#include "../CborCodec.h"
#include "../TicketStatus.h"

#include <QCborMap>

namespace ccr::common {

/** tickets.setStatus params. */
struct SetStatusParams
{
    qint64 ticketId = 0;
    TicketStatus status = TicketStatus::InProgress;

    static auto fields()
    {
        return std::tuple{cbor::required("ticketId", &SetStatusParams::ticketId),
                          cbor::required("status", &SetStatusParams::status)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<SetStatusParams> fromCbor(const QCborMap& map) { return cbor::fromMap<SetStatusParams>(map); }
    friend bool operator==(const SetStatusParams&, const SetStatusParams&) = default;
};

} // namespace ccr::common
