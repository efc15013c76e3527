#include "ErrorText.h"

namespace ccr::app {

using common::ErrorCode;
using common::FieldProblem;

QString ErrorText::describe(const common::Error& error)
{
    switch (error.code) {
    case ErrorCode::InvalidCredentials:
        return tr("The email or password is wrong. Check both and try again.");
    case ErrorCode::AccountPending:
        return tr("Your account is waiting for an administrator's approval. You can sign in once it is approved.");
    case ErrorCode::AccountDisabled:
        return tr("This account is disabled. Please contact your help desk administrator.");
    case ErrorCode::TooManyAttempts: {
        const qint64 seconds = error.details.value(QLatin1String("retryAfterSeconds")).toInteger();
        const qint64 minutes = std::max<qint64>(1, (seconds + 59) / 60);
        return tr("Too many failed sign-ins. Please wait %n minute(s) and try again.", nullptr,
                  static_cast<int>(minutes));
    }
    case ErrorCode::SessionExpired:
        return tr("Your session has ended. Please sign in again.");
    case ErrorCode::TwoFactorRequired:
        return tr("Enter the code from your authenticator app, or one of your recovery codes.");
    case ErrorCode::TwoFactorSetupRequired:
        return tr("Your administrator requires two-factor sign-in. Set it up before you continue.");
    case ErrorCode::NotAuthenticated:
        return tr("Please sign in first.");
    case ErrorCode::PermissionDenied:
        return tr("You are not allowed to do this.");
    case ErrorCode::EmailTaken:
        return tr("An account with this email address already exists. Sign in, or use another address.");
    case ErrorCode::NotFound:
        return tr("This item does not exist, or you cannot see it.");
    case ErrorCode::InvalidTransition:
        return tr("The ticket cannot move to that state from where it is now.");
    case ErrorCode::TooLarge: {
        const qint64 maxBytes = error.details.value(QLatin1String("maxBytes")).toInteger();
        if (maxBytes > 0)
            return tr("The file is too large; the server accepts files up to %1 MB.").arg(maxBytes / (1024 * 1024));
        return tr("The file is too large for the server.");
    }
    case ErrorCode::Conflict:
        return tr("This was changed in the meantime, or does not fit its current state. Refresh and try again.");
    case ErrorCode::ValidationFailed:
        return tr("Some fields are not filled in correctly; see the notes next to them.");
    case ErrorCode::UnsupportedVersion:
        return tr("This app and the server speak different protocol versions. Please update the app.");
    case ErrorCode::ConnectionLost:
        return tr("The connection to the server was lost. It is being restored; try again in a moment.");
    case ErrorCode::NotConnected:
        return tr("Not connected to the server. Check the server address and that the server is running.");
    case ErrorCode::Timeout:
        return tr("The server did not answer in time. Try again in a moment.");
    case ErrorCode::CertificateUntrusted:
        return tr("The server's certificate is not trusted yet.");
    case ErrorCode::CertificateChanged:
        return tr("The server's certificate changed. The connection was refused for your safety.");
    case ErrorCode::Internal:
    case ErrorCode::Unavailable:
        return tr("The server could not do this right now. Try again later or contact your administrator.");
    default:
        return tr("Something went wrong (%1). Try again.").arg(common::errorCodeName(error.code));
    }
}

QString ErrorText::describe(FieldProblem problem)
{
    switch (problem) {
    case FieldProblem::Required:
        return tr("Required.");
    case FieldProblem::TooShort:
        return tr("Too short.");
    case FieldProblem::TooLong:
        return tr("Too long.");
    case FieldProblem::InvalidFormat:
        return tr("Not valid.");
    case FieldProblem::Mismatch:
        return tr("Does not match.");
    case FieldProblem::Weak:
        return tr("Too easy to guess.");
    }
    return {};
}

QString ErrorText::fileNotSent(const QString& fileName, const common::Error& error)
{
    return tr("%1 could not be sent: %2").arg(fileName, describe(error));
}

} // namespace ccr::app
