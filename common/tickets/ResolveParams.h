#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** tickets.resolve params: the resolution note is required. */
struct ResolveParams
{
    qint64 ticketId = 0;
    QString resolution;

    static auto fields()
    {
        return std::tuple{cbor::required("ticketId", &ResolveParams::ticketId),
                          cbor::required("resolution", &ResolveParams::resolution, 20000)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<ResolveParams> fromCbor(const QCborMap& map) { return cbor::fromMap<ResolveParams>(map); }
    friend bool operator==(const ResolveParams&, const ResolveParams&) = default;
};

} // namespace ccr::common
