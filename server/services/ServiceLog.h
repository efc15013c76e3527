#pragma once

#include <QLoggingCategory>

namespace ccr::server {
Q_DECLARE_LOGGING_CATEGORY(lcAccounts)
Q_DECLARE_LOGGING_CATEGORY(lcTickets)
} // namespace ccr::server
