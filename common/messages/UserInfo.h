#pragma once

#include "../Result.h"
#include "../Role.h"
#include "../UserState.h"

#include <QCborMap>
#include <QDateTime>
#include <QString>

namespace ccr::common {

/** A user account as the client sees it. Never carries secrets. */
struct UserInfo
{
    qint64 id = 0;
    QString email;
    QString displayName;
    Role role = Role::Customer;
    UserState state = UserState::Active;
    QString locale;
    QDateTime createdAt;
    QDateTime lastSignInAt;

    QCborMap toCbor() const;
    static Result<UserInfo> fromCbor(const QCborMap& map);
    friend bool operator==(const UserInfo&, const UserInfo&) = default;
};

} // namespace ccr::common
