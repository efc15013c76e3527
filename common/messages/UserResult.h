#pragma once

#include "../Result.h"
#include "UserInfo.h"

#include <QCborMap>
#include <QString>

namespace ccr::common {

/** A result that carries one user account. */
struct UserResult
{
    UserInfo user;

    QCborMap toCbor() const;
    static Result<UserResult> fromCbor(const QCborMap& map);
    friend bool operator==(const UserResult&, const UserResult&) = default;
};

} // namespace ccr::common
