#include "ServiceLog.h"

namespace ccr::server {
Q_LOGGING_CATEGORY(lcAccounts, "ccr.server.accounts")
Q_LOGGING_CATEGORY(lcTickets, "ccr.server.tickets")
} // namespace ccr::server
