#pragma once

#include <QString>

namespace ccr::common {

/**
 * Closed set of error codes shared by server and client. Append only: a value, once
 * released, is never renumbered or reused, because clients of older versions map them.
 * Codes 9xx are produced by the client library itself and never travel on the wire.
 */
enum class ErrorCode : int
{
    // Protocol
    BadFrame = 100,
    FrameTooLarge = 101,
    BadEnvelope = 102,
    UnknownMethod = 103,
    InvalidParams = 104,
    UnsupportedVersion = 105,
    HelloRequired = 106,
    IdleTimeout = 107,

    // Authentication and authorisation
    NotAuthenticated = 200,
    PermissionDenied = 201,
    InvalidCredentials = 202,
    AccountPending = 203,
    AccountDisabled = 204,
    TooManyAttempts = 205,
    SessionExpired = 206,
    TwoFactorRequired = 207,
    TwoFactorSetupRequired = 208,

    // Data
    ValidationFailed = 300,
    EmailTaken = 301,
    NotFound = 302,
    Conflict = 303,
    InvalidTransition = 304,
    TooLarge = 305,

    // Server
    Internal = 500,
    Unavailable = 501,

    // Client side only
    ConnectionLost = 900,
    CertificateUntrusted = 901,
    CertificateChanged = 902,
    Timeout = 903,
    NotConnected = 904,
};

/** Stable identifier such as "invalid_credentials", used in logs and in the protocol doc. */
QString errorCodeName(ErrorCode code);

/** English default message; the desktop app shows its own translated text instead. */
QString defaultErrorMessage(ErrorCode code);

/** Maps a wire integer to a known code, or Internal for anything unknown. */
ErrorCode errorCodeFromInt(qint64 value);

} // namespace ccr::common
