#include "StoreLog.h"

namespace ccr::server {
Q_LOGGING_CATEGORY(lcStore, "ccr.server.db")
}
