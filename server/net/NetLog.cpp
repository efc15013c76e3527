#include "NetLog.h"

namespace ccr::server {
Q_LOGGING_CATEGORY(lcNet, "ccr.server.net")
}
