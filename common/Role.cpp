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

} // namespace ccr::common
