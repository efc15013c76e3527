#pragma once

#include "../CborCodec.h"
#include "CountEntry.h"

#include <QCborMap>
#include <QList>

namespace ccr::common {

/** tickets.counts result over the tickets the caller may see. */
struct TicketCounts
{
    QList<CountEntry> byStatus;
    QList<CountEntry> byPriority;
    QList<CountEntry> byCategory;
    QList<CountEntry> byAgent;

    static auto fields()
    {
        return std::tuple{cbor::required("byStatus", &TicketCounts::byStatus, 100),
                          cbor::required("byPriority", &TicketCounts::byPriority, 100),
                          cbor::required("byCategory", &TicketCounts::byCategory, 10000),
                          cbor::required("byAgent", &TicketCounts::byAgent, 100000)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<TicketCounts> fromCbor(const QCborMap& map) { return cbor::fromMap<TicketCounts>(map); }
    friend bool operator==(const TicketCounts&, const TicketCounts&) = default;
};

} // namespace ccr::common
