#pragma once

#include "common/Role.h"

#include <QDateTime>

namespace ccr::server {

/** Who a connection is signed in as; cached so a request needs no session lookup. */
struct ConnectionAuth
{
    qint64 sessionId = 0;
    qint64 userId = 0;
    common::Role role = common::Role::Customer;
    QDateTime expiresAt;
    /** Signed in, but two-factor set-up is required first: only that is allowed. */
    bool restricted = false;
};

} // namespace ccr::server
