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

    QCborMap toCbor() const;
    static Result<SignInParams> fromCbor(const QCborMap& map);
    friend bool operator==(const SignInParams&, const SignInParams&) = default;
};

} // namespace ccr::common
