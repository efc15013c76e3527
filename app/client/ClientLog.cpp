#include "ClientLog.h"

namespace ccr::app {
Q_LOGGING_CATEGORY(lcClient, "ccr.app.net")
}
