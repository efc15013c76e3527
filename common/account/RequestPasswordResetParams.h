#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** auth.requestPasswordReset params. The answer is the same whether or not the address is registered. */
struct RequestPasswordResetParams
{
    QString email;

    static auto fields()
    {
        return std::tuple{cbor::required("email", &RequestPasswordResetParams::email, 1000)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<RequestPasswordResetParams> fromCbor(const QCborMap& map) { return cbor::fromMap<RequestPasswordResetParams>(map); }
    friend bool operator==(const RequestPasswordResetParams&, const RequestPasswordResetParams&) = default;
};

} // namespace ccr::common
