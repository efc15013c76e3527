#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** account.twoFactorStatus result. */
struct TwoFactorStatus
{
    bool enabled = false;
    bool required = false;

    static auto fields()
    {
        return std::tuple{cbor::required("enabled", &TwoFactorStatus::enabled),
                          cbor::required("required", &TwoFactorStatus::required)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<TwoFactorStatus> fromCbor(const QCborMap& map) { return cbor::fromMap<TwoFactorStatus>(map); }
    friend bool operator==(const TwoFactorStatus&, const TwoFactorStatus&) = default;
};

} // namespace ccr::common
