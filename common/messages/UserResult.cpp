#include "UserResult.h"

#include "../CborFields.h"

namespace ccr::common {

QCborMap UserResult::toCbor() const
{
    return {{QLatin1String("user"), user.toCbor()}};
}

Result<UserResult> UserResult::fromCbor(const QCborMap& map)
{
    CborFields fields(map);
    const QCborMap userMap = fields.map(QLatin1String("user"));
    if (!fields.ok())
        return fields.error();
    auto user = UserInfo::fromCbor(userMap);
    if (!user)
        return user.error();
    return UserResult{std::move(user).value()};
}

} // namespace ccr::common
