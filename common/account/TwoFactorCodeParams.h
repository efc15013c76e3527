#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** account.confirmTwoFactor params: a code from the app, proving it was set up right. */
struct TwoFactorCodeParams
{
    QString code;

    static auto fields()
    {
        return std::tuple{cbor::required("code", &TwoFactorCodeParams::code, 20)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<TwoFactorCodeParams> fromCbor(const QCborMap& map) { return cbor::fromMap<TwoFactorCodeParams>(map); }
    friend bool operator==(const TwoFactorCodeParams&, const TwoFactorCodeParams&) = default;
};

} // namespace ccr::common
