#include "UserState.h"

#include "EnumNames.h"

namespace ccr::common {

namespace {
constexpr EnumNames<UserState, 3> kNames{{{
    {UserState::Active, "active"},
    {UserState::PendingApproval, "pending_approval"},
    {UserState::Disabled, "disabled"},
}}};
} // namespace

QString userStateName(UserState state)
{
    return kNames.name(state);
}

std::optional<UserState> userStateFromName(const QString& name)
{
    UserState state{};
    if (!kNames.parse(name, state))
        return std::nullopt;
    return state;
}

QString wireName(UserState value)
{
    return userStateName(value);
}

bool fromWireName(const QString& name, UserState& value)
{
    return kNames.parse(name, value);
}

} // namespace ccr::common
