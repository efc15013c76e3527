#pragma once

#include "PasswordHasher.h"
#include "SignInThrottle.h"

namespace ccr::server {

/** The account rules an operator can tune in the server configuration. */
struct AccountPolicy
{
    ScryptCost scrypt;
    ThrottlePolicy throttle;
    qint64 sessionTtlSeconds = 30LL * 24 * 3600;
};

} // namespace ccr::server
