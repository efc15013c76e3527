#pragma once

#include <QString>
#include <optional>

namespace ccr::common {

enum class UserState
{
    Active,
    PendingApproval,
    Disabled,
};

/** Wire and database spelling: "active", "pending_approval", "disabled". */
QString userStateName(UserState state);
std::optional<UserState> userStateFromName(const QString& name);

} // namespace ccr::common
