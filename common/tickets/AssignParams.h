#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** tickets.assign params. */
struct AssignParams
{
    qint64 ticketId = 0;
    qint64 agentId = 0;

    static auto fields()
    {
        return std::tuple{cbor::required("ticketId", &AssignParams::ticketId),
                          cbor::required("agentId", &AssignParams::agentId)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<AssignParams> fromCbor(const QCborMap& map) { return cbor::fromMap<AssignParams>(map); }
    friend bool operator==(const AssignParams&, const AssignParams&) = default;
};

} // namespace ccr::common
