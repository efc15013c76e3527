#include "ListUsersParams.h"

#include "../CborFields.h"

namespace ccr::common {

QCborMap ListUsersParams::toCbor() const
{
    QCborMap map;
    if (role)
        map.insert(QLatin1String("role"), roleName(*role));
    if (state)
        map.insert(QLatin1String("state"), userStateName(*state));
    return map;
}

Result<ListUsersParams> ListUsersParams::fromCbor(const QCborMap& map)
{
    CborFields fields(map);
    const QString role = fields.optionalString(QLatin1String("role"), {}, 50);
    const QString state = fields.optionalString(QLatin1String("state"), {}, 50);
    if (!fields.ok())
        return fields.error();
    ListUsersParams params;
    if (!role.isEmpty()) {
        params.role = roleFromName(role);
        if (!params.role)
            return Error(ErrorCode::InvalidParams, QStringLiteral("Field \"role\" names no known role."));
    }
    if (!state.isEmpty()) {
        params.state = userStateFromName(state);
        if (!params.state)
            return Error(ErrorCode::InvalidParams, QStringLiteral("Field \"state\" names no known account state."));
    }
    return params;
}

} // namespace ccr::common
