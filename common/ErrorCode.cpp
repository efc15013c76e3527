#include "ErrorCode.h"

#include <array>
#include <utility>

namespace ccr::common {

namespace {

struct ErrorCodeInfo
{
    ErrorCode code;
    const char* name;
    const char* message;
};

constexpr std::array kErrorCodes{
    ErrorCodeInfo{ErrorCode::BadFrame, "bad_frame", "The message could not be decoded."},
    ErrorCodeInfo{ErrorCode::FrameTooLarge, "frame_too_large", "The message is larger than the server accepts."},
    ErrorCodeInfo{ErrorCode::BadEnvelope, "bad_envelope", "The message is not a valid request."},
    ErrorCodeInfo{ErrorCode::UnknownMethod, "unknown_method", "The server does not know this request."},
    ErrorCodeInfo{ErrorCode::InvalidParams, "invalid_params", "The request is missing a value or has a wrong one."},
    ErrorCodeInfo{ErrorCode::UnsupportedVersion, "unsupported_version",
                  "The client and server speak incompatible protocol versions."},
    ErrorCodeInfo{ErrorCode::HelloRequired, "hello_required", "The connection must start with a hello exchange."},
    ErrorCodeInfo{ErrorCode::IdleTimeout, "idle_timeout", "The connection was idle for too long."},
    ErrorCodeInfo{ErrorCode::NotAuthenticated, "not_authenticated", "Please sign in first."},
    ErrorCodeInfo{ErrorCode::PermissionDenied, "permission_denied", "You are not allowed to do this."},
    ErrorCodeInfo{ErrorCode::InvalidCredentials, "invalid_credentials", "The email or password is wrong."},
    ErrorCodeInfo{ErrorCode::AccountPending, "account_pending", "This account is waiting for an administrator's approval."},
    ErrorCodeInfo{ErrorCode::AccountDisabled, "account_disabled", "This account is disabled."},
    ErrorCodeInfo{ErrorCode::TooManyAttempts, "too_many_attempts", "Too many failed attempts. Please wait and try again."},
    ErrorCodeInfo{ErrorCode::SessionExpired, "session_expired", "Your session has ended. Please sign in again."},
    ErrorCodeInfo{ErrorCode::TwoFactorRequired, "two_factor_required",
                  "Enter the code from your authenticator app, or a recovery code."},
    ErrorCodeInfo{ErrorCode::TwoFactorSetupRequired, "two_factor_setup_required",
                  "Set up two-factor sign-in before you continue."},
    ErrorCodeInfo{ErrorCode::ValidationFailed, "validation_failed", "Some fields are not filled in correctly."},
    ErrorCodeInfo{ErrorCode::EmailTaken, "email_taken", "An account with this email address already exists."},
    ErrorCodeInfo{ErrorCode::NotFound, "not_found", "The item does not exist or you cannot see it."},
    ErrorCodeInfo{ErrorCode::Conflict, "conflict", "The item was changed in the meantime."},
    ErrorCodeInfo{ErrorCode::InvalidTransition, "invalid_transition",
                  "The ticket cannot move to that state from where it is now."},
    ErrorCodeInfo{ErrorCode::TooLarge, "too_large", "The file is larger than the server accepts."},
    ErrorCodeInfo{ErrorCode::Internal, "internal", "The server ran into an internal error."},
    ErrorCodeInfo{ErrorCode::Unavailable, "unavailable", "The server cannot do this right now."},
    ErrorCodeInfo{ErrorCode::ConnectionLost, "connection_lost", "The connection to the server was lost."},
    ErrorCodeInfo{ErrorCode::CertificateUntrusted, "certificate_untrusted",
                  "The server's certificate is not trusted yet."},
    ErrorCodeInfo{ErrorCode::CertificateChanged, "certificate_changed",
                  "The server's certificate changed since it was trusted."},
    ErrorCodeInfo{ErrorCode::Timeout, "timeout", "The server did not answer in time."},
    ErrorCodeInfo{ErrorCode::NotConnected, "not_connected", "Not connected to the server."},
};

const ErrorCodeInfo* find(ErrorCode code)
{
    for (const auto& info : kErrorCodes) {
        if (info.code == code)
            return &info;
    }
    return nullptr;
}

} // namespace

QString errorCodeName(ErrorCode code)
{
    const auto* info = find(code);
    return info ? QString::fromLatin1(info->name) : QStringLiteral("unknown");
}

QString defaultErrorMessage(ErrorCode code)
{
    const auto* info = find(code);
    return info ? QString::fromLatin1(info->message) : QStringLiteral("Unknown error.");
}

ErrorCode errorCodeFromInt(qint64 value)
{
    for (const auto& info : kErrorCodes) {
        if (qToUnderlying(info.code) == value)
            return info.code;
    }
    return ErrorCode::Internal;
}

} // namespace ccr::common
