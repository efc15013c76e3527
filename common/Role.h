#pragma once

#include <QString>
#include <optional>

namespace ccr::common {

enum class Role
{
    Customer,
    Agent,
    Admin,
};

/** Wire and database spelling: "customer", "agent", "admin". */
QString roleName(Role role);
std::optional<Role> roleFromName(const QString& name);

/** Hooks for the CBOR codec (same spelling as above). */
QString wireName(Role value);
bool fromWireName(const QString& name, Role& value);

} // namespace ccr::common
