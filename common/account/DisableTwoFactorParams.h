#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** account.disableTwoFactor params: the password, so a borrowed session cannot turn it off. */
struct DisableTwoFactorParams
{
    QString password;

    static auto fields()
    {
        return std::tuple{cbor::required("password", &DisableTwoFactorParams::password, 1000)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<DisableTwoFactorParams> fromCbor(const QCborMap& map) { return cbor::fromMap<DisableTwoFactorParams>(map); }
    friend bool operator==(const DisableTwoFactorParams&, const DisableTwoFactorParams&) = default;
};

} // namespace ccr::common
