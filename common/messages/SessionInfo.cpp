#include "SessionInfo.h"

#include "../CborFields.h"
#include "../WireTime.h"

namespace ccr::common {

QCborMap SessionInfo::toCbor() const
{
    QCborMap map{{QLatin1String("expiresAt"), WireTime::toWire(expiresAt)}, {QLatin1String("user"), user.toCbor()}};
    if (!token.isEmpty())
        map.insert(QLatin1String("token"), token);
    if (twoFactorSetupRequired)
        map.insert(QLatin1String("twoFactorSetupRequired"), true);
    return map;
}

Result<SessionInfo> SessionInfo::fromCbor(const QCborMap& map)
{
    CborFields fields(map);
    SessionInfo session;
    session.token = fields.optionalString(QLatin1String("token"), {}, 200);
    session.expiresAt = WireTime::fromWire(fields.integer(QLatin1String("expiresAt")));
    const QCborMap userMap = fields.map(QLatin1String("user"));
    session.twoFactorSetupRequired = fields.optionalBool(QLatin1String("twoFactorSetupRequired"), false);
    if (!fields.ok())
        return fields.error();
    auto user = UserInfo::fromCbor(userMap);
    if (!user)
        return user.error();
    session.user = std::move(user).value();
    return session;
}

} // namespace ccr::common
