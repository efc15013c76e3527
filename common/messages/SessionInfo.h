#pragma once

#include "../Result.h"
#include "UserInfo.h"
#include <QDateTime>

#include <QCborMap>
#include <QString>

namespace ccr::common {

/** auth.signIn and auth.resume result. The token is only sent by auth.signIn. */
struct SessionInfo
{
    QString token;
    QDateTime expiresAt;
    UserInfo user;
    /** Two-factor sign-in is required for this account but not set up: only setting it up is allowed. */
    bool twoFactorSetupRequired = false;

    QCborMap toCbor() const;
    static Result<SessionInfo> fromCbor(const QCborMap& map);
    friend bool operator==(const SessionInfo&, const SessionInfo&) = default;
};

} // namespace ccr::common
