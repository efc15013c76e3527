#pragma once

#include "../Result.h"
#include "UserInfo.h"
#include <QList>

#include <QCborMap>
#include <QString>

namespace ccr::common {

/** A result that carries a list of user accounts. */
struct UserList
{
    QList<UserInfo> users;

    QCborMap toCbor() const;
    static Result<UserList> fromCbor(const QCborMap& map);
    friend bool operator==(const UserList&, const UserList&) = default;
};

} // namespace ccr::common
