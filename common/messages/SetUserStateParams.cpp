#include "SetUserStateParams.h"

#include "../CborFields.h"

namespace ccr::common {

QCborMap SetUserStateParams::toCbor() const
{
    return {{QLatin1String("userId"), userId}, {QLatin1String("state"), userStateName(state)}};
}

Result<SetUserStateParams> SetUserStateParams::fromCbor(const QCborMap& map)
{
    CborFields fields(map);
    SetUserStateParams params;
    params.userId = fields.integer(QLatin1String("userId"));
    const QString state = fields.string(QLatin1String("state"), 50);
    if (!fields.ok())
        return fields.error();
    const auto parsed = userStateFromName(state);
    if (!parsed)
        return Error(ErrorCode::InvalidParams, QStringLiteral("Field \"state\" names no known account state."));
    params.state = *parsed;
    return params;
}

} // namespace ccr::common
