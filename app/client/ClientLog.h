#pragma once

#include <QLoggingCategory>

namespace ccr::app {
Q_DECLARE_LOGGING_CATEGORY(lcClient)
}
