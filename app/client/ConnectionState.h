#pragma once

#include <QMetaType>

namespace ccr::app {

enum class ConnectionState
{
    /** Not connected and not trying (never connected, signed off, or refused). */
    Offline,
    /** First connection attempt under way. */
    Connecting,
    /** Lost the connection; trying again with growing pauses. */
    Reconnecting,
    /** TLS up, hello done and the session (if any) resumed: calls go out now. */
    Connected,
};

} // namespace ccr::app

Q_DECLARE_METATYPE(ccr::app::ConnectionState)
