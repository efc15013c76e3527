#include "MailLog.h"

namespace ccr::server {
Q_LOGGING_CATEGORY(lcMail, "ccr.server.mail")
}
