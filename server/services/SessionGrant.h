#pragma once

#include "common/Role.h"
#include "common/messages/SessionInfo.h"

namespace ccr::server {

/** A session the server just opened or resumed: what the client gets and what the connection keeps. */
struct SessionGrant
{
    common::SessionInfo info;
    qint64 sessionId = 0;
};

} // namespace ccr::server
