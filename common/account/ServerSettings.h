#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** admin.getSettings result and admin.setSettings params. */
struct ServerSettings
{
    bool requireTwoFactorForStaff = false;

    static auto fields()
    {
        return std::tuple{cbor::required("requireTwoFactorForStaff", &ServerSettings::requireTwoFactorForStaff)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<ServerSettings> fromCbor(const QCborMap& map) { return cbor::fromMap<ServerSettings>(map); }
    friend bool operator==(const ServerSettings&, const ServerSettings&) = default;
};

} // namespace ccr::common
