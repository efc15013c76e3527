#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** account.beginTwoFactor result: shown once, to type into or scan with an authenticator app. */
struct TwoFactorSetup
{
    QString secret;
    QString uri;

    static auto fields()
    {
        return std::tuple{cbor::required("secret", &TwoFactorSetup::secret, 200),
                          cbor::required("uri", &TwoFactorSetup::uri, 2000)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<TwoFactorSetup> fromCbor(const QCborMap& map) { return cbor::fromMap<TwoFactorSetup>(map); }
    friend bool operator==(const TwoFactorSetup&, const TwoFactorSetup&) = default;
};

} // namespace ccr::common
