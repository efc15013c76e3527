#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** account.changePassword params. */
struct ChangePasswordParams
{
    QString currentPassword;
    QString newPassword;
    QString newPasswordConfirmation;

    static auto fields()
    {
        return std::tuple{cbor::required("currentPassword", &ChangePasswordParams::currentPassword, 1000),
                          cbor::required("newPassword", &ChangePasswordParams::newPassword, 1000),
                          cbor::required("newPasswordConfirmation", &ChangePasswordParams::newPasswordConfirmation, 1000)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<ChangePasswordParams> fromCbor(const QCborMap& map) { return cbor::fromMap<ChangePasswordParams>(map); }
    friend bool operator==(const ChangePasswordParams&, const ChangePasswordParams&) = default;
};

} // namespace ccr::common
