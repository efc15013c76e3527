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

/** Hooks for the CBOR codec (same spelling as above). */
QString wireName(UserState value);
bool fromWireName(const QString& name, UserState& value);

} // namespace ccr::common
