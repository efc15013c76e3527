#include "UserState.h"

namespace ccr::common {

QString userStateName(UserState state)
{
    switch (state) {
    case UserState::Active:
        return QStringLiteral("active");
    case UserState::PendingApproval:
        return QStringLiteral("pending_approval");
    case UserState::Disabled:
        return QStringLiteral("disabled");
    }
    return {};
}

std::optional<UserState> userStateFromName(const QString& name)
{
    for (const UserState state : {UserState::Active, UserState::PendingApproval, UserState::Disabled}) {
        if (userStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

QString wireName(UserState value)
{
    return userStateName(value);
}

bool fromWireName(const QString& name, UserState& value)
{
    const auto parsed = userStateFromName(name);
    if (parsed)
        value = *parsed;
    return parsed.has_value();
}

} // namespace ccr::common
