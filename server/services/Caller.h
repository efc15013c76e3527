#pragma once

#include "common/Role.h"

namespace ccr::server {

/** The signed-in person a service acts for. */
struct Caller
{
    qint64 userId = 0;
    common::Role role = common::Role::Customer;

    bool isStaff() const { return role == common::Role::Agent || role == common::Role::Admin; }
};

} // namespace ccr::server
