#pragma once

#include "FieldError.h"

#include <QList>
#include <QString>
#include <optional>

namespace ccr::common::Validation {

// The one set of rules the server enforces and the app checks before sending.
inline constexpr qsizetype kMaxEmailLength = 254;
inline constexpr qsizetype kMinPasswordLength = 10;
inline constexpr qsizetype kMaxPasswordLength = 128;
inline constexpr qsizetype kMaxDisplayNameLength = 100;

/** Trimmed and lower-cased: emails are unique regardless of case. */
QString normalizeEmail(const QString& email);

std::optional<FieldProblem> checkEmail(const QString& email);
std::optional<FieldProblem> checkDisplayName(const QString& displayName);
std::optional<FieldProblem> checkPassword(const QString& password, const QString& email);

/** Field names as in the protocol: email, displayName, password, passwordConfirmation. */
QList<FieldError> checkRegistration(const QString& email, const QString& displayName, const QString& password,
                                    const QString& passwordConfirmation);

/** A password change or reset: fields newPassword and newPasswordConfirmation. */
QList<FieldError> checkNewPassword(const QString& password, const QString& confirmation, const QString& email);

} // namespace ccr::common::Validation
