#pragma once

#include <QLoggingCategory>

namespace ccr::server {
Q_DECLARE_LOGGING_CATEGORY(lcMail)
}
