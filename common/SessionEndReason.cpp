#include "SessionEndReason.h"

namespace ccr::common {

QString sessionEndReasonName(SessionEndReason reason)
{
    switch (reason) {
    case SessionEndReason::Expired:
        return QStringLiteral("expired");
    case SessionEndReason::SignedOut:
        return QStringLiteral("signed_out");
    case SessionEndReason::AccountDisabled:
        return QStringLiteral("account_disabled");
    case SessionEndReason::PasswordChanged:
        return QStringLiteral("password_changed");
    }
    return {};
}

SessionEndReason sessionEndReasonFromName(const QString& name)
{
    for (const auto reason :
         {SessionEndReason::SignedOut, SessionEndReason::AccountDisabled, SessionEndReason::PasswordChanged}) {
        if (sessionEndReasonName(reason) == name)
            return reason;
    }
    return SessionEndReason::Expired;
}

} // namespace ccr::common
