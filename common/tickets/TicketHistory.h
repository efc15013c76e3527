#pragma once

#include "../CborCodec.h"
#include "TicketEventInfo.h"

#include <QCborMap>
#include <QList>

namespace ccr::common {

/** tickets.history result, oldest first. */
struct TicketHistory
{
    QList<TicketEventInfo> events;

    static auto fields()
    {
        return std::tuple{cbor::required("events", &TicketHistory::events, 1000000)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<TicketHistory> fromCbor(const QCborMap& map) { return cbor::fromMap<TicketHistory>(map); }
    friend bool operator==(const TicketHistory&, const TicketHistory&) = default;
};

} // namespace ccr::common
