#include "Role.h"

#include "EnumNames.h"

namespace ccr::common {

namespace {
constexpr EnumNames<Role, 3> kNames{{{
    {Role::Customer, "customer"},
    {Role::Agent, "agent"},
    {Role::Admin, "admin"},
}}};
} // namespace

QString roleName(Role role)
{
    return kNames.name(role);
}

std::optional<Role> roleFromName(const QString& name)
{
    Role role{};
    if (!kNames.parse(name, role))
        return std::nullopt;
    return role;
}

QString wireName(Role value)
{
    return roleName(value);
}

bool fromWireName(const QString& name, Role& value)
{
    return kNames.parse(name, value);
}

} // namespace ccr::common
