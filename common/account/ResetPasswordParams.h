#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** auth.resetPassword params: the emailed code and the new password. */
struct ResetPasswordParams
{
    QString email;
    QString code;
    QString newPassword;
    QString newPasswordConfirmation;

    static auto fields()
    {
        return std::tuple{cbor::required("email", &ResetPasswordParams::email, 1000),
                          cbor::required("code", &ResetPasswordParams::code, 20),
                          cbor::required("newPassword", &ResetPasswordParams::newPassword, 1000),
                          cbor::required("newPasswordConfirmation", &ResetPasswordParams::newPasswordConfirmation, 1000)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<ResetPasswordParams> fromCbor(const QCborMap& map) { return cbor::fromMap<ResetPasswordParams>(map); }
    friend bool operator==(const ResetPasswordParams&, const ResetPasswordParams&) = default;
};

} // namespace ccr::common
