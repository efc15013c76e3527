#pragma once

#include "../Result.h"

#include <QCborMap>
#include <QString>

namespace ccr::common {

/** auth.signIn params. */
struct SignInParams
{
    QString email;
    QString password;
    /** With two-factor sign-in on: the app's current code, or else one recovery code. */
    QString totpCode{};
    QString recoveryCode{};

    QCborMap toCbor() const;
    static Result<SignInParams> fromCbor(const QCborMap& map);
    friend bool operator==(const SignInParams&, const SignInParams&) = default;
};

} // namespace ccr::common
