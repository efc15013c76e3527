#pragma once

#include "../CborCodec.h"
#include "TicketInfo.h"

#include <QCborMap>

namespace ccr::common {

/** A result that carries one ticket. */
struct TicketResult
{
    TicketInfo ticket;

    static auto fields()
    {
        return std::tuple{cbor::required("ticket", &TicketResult::ticket)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<TicketResult> fromCbor(const QCborMap& map) { return cbor::fromMap<TicketResult>(map); }
    friend bool operator==(const TicketResult&, const TicketResult&) = default;
};

} // namespace ccr::common
