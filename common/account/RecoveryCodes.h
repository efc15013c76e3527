#pragma once

#include "../CborCodec.h"

#include <QCborMap>
#include <QList>

namespace ccr::common {

/** account.confirmTwoFactor result: one-time codes for when the phone is lost; shown once. */
struct RecoveryCodes
{
    QList<QString> codes;

    static auto fields()
    {
        return std::tuple{cbor::required("codes", &RecoveryCodes::codes, 100)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<RecoveryCodes> fromCbor(const QCborMap& map) { return cbor::fromMap<RecoveryCodes>(map); }
    friend bool operator==(const RecoveryCodes&, const RecoveryCodes&) = default;
};

} // namespace ccr::common
