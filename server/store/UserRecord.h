#pragma once

#include "common/Role.h"
#include "common/UserState.h"
#include "common/messages/UserInfo.h"

#include <QDateTime>
#include <QString>

namespace ccr::server {

/** A users row, including the password hash that never leaves the server. */
struct UserRecord
{
    qint64 id = 0;
    QString email;
    QString displayName;
    common::Role role = common::Role::Customer;
    common::UserState state = common::UserState::Active;
    QString passwordHash;
    QString locale;
    QDateTime createdAt;
    QDateTime lastSignInAt;

    /** What a client may see of this user. */
    common::UserInfo toUserInfo() const;
};

} // namespace ccr::server
