#include "UserInfo.h"

#include "../CborFields.h"
#include "../WireTime.h"

namespace ccr::common {

QCborMap UserInfo::toCbor() const
{
    QCborMap map;
    map.insert(QLatin1String("id"), id);
    map.insert(QLatin1String("email"), email);
    map.insert(QLatin1String("displayName"), displayName);
    map.insert(QLatin1String("role"), roleName(role));
    map.insert(QLatin1String("state"), userStateName(state));
    map.insert(QLatin1String("locale"), locale);
    map.insert(QLatin1String("createdAt"), WireTime::toWire(createdAt));
    map.insert(QLatin1String("lastSignInAt"), WireTime::toWire(lastSignInAt));
    return map;
}

Result<UserInfo> UserInfo::fromCbor(const QCborMap& map)
{
    CborFields fields(map);
    UserInfo user;
    user.id = fields.integer(QLatin1String("id"));
    user.email = fields.string(QLatin1String("email"));
    user.displayName = fields.string(QLatin1String("displayName"));
    const QString role = fields.string(QLatin1String("role"));
    const QString state = fields.string(QLatin1String("state"));
    user.locale = fields.optionalString(QLatin1String("locale"));
    user.createdAt = WireTime::fromWire(fields.optionalInteger(QLatin1String("createdAt"), 0));
    user.lastSignInAt = WireTime::fromWire(fields.optionalInteger(QLatin1String("lastSignInAt"), 0));
    if (!fields.ok())
        return fields.error();
    const auto parsedRole = roleFromName(role);
    const auto parsedState = userStateFromName(state);
    if (!parsedRole || !parsedState)
        return Error(ErrorCode::InvalidParams, QStringLiteral("Unknown role or account state."));
    user.role = *parsedRole;
    user.state = *parsedState;
    return user;
}

} // namespace ccr::common
