#pragma once

#include <QString>

namespace ccr::common {

/** Why a session.ended event was sent; travels as its "reason" text. */
enum class SessionEndReason
{
    Expired,
    SignedOut,
    AccountDisabled,
};

/** Wire spelling: "expired", "signed_out", "account_disabled". */
QString sessionEndReasonName(SessionEndReason reason);
SessionEndReason sessionEndReasonFromName(const QString& name);

} // namespace ccr::common
