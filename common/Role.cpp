#include "Role.h"

namespace ccr::common {

QString roleName(Role role)
{
    switch (role) {
    case Role::Customer:
        return QStringLiteral("customer");
    case Role::Agent:
        return QStringLiteral("agent");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<Role> roleFromName(const QString& name)
{
    for (const Role role : {Role::Customer, Role::Agent, Role::Admin}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

QString wireName(Role value)
{
    return roleName(value);
}

bool fromWireName(const QString& name, Role& value)
{
    const auto parsed = roleFromName(name);
    if (parsed)
        value = *parsed;
    return parsed.has_value();
}

} // namespace ccr::common
