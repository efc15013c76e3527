#pragma once

#include <QString>

namespace ccr::common {

/** Why a session.ended event was sent; travels as its "reason" text. */
enum class SessionEndReason
{
    Expired,
    SignedOut,
    AccountDisabled,
    PasswordChanged,
};

/** Wire spelling: "expired", "signed_out", "account_disabled", "password_changed". */
QString sessionEndReasonName(SessionEndReason reason);
SessionEndReason sessionEndReasonFromName(const QString& name);

} // namespace ccr::common
