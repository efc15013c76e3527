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

} // namespace ccr::common
