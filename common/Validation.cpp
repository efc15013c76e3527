#include "Validation.h"

#include <QRegularExpression>

namespace ccr::common::Validation {

QString normalizeEmail(const QString& email)
{
    return email.trimmed().toLower();
}

std::optional<FieldProblem> checkEmail(const QString& email)
{
    const QString trimmed = email.trimmed();
    if (trimmed.isEmpty())
        return FieldProblem::Required;
    if (trimmed.size() > kMaxEmailLength)
        return FieldProblem::TooLong;
    // Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is proven by mail.
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    if (!pattern.match(trimmed).hasMatch())
        return FieldProblem::InvalidFormat;
    return std::nullopt;
}

std::optional<FieldProblem> checkDisplayName(const QString& displayName)
{
    const QString trimmed = displayName.trimmed();
    if (trimmed.isEmpty())
        return FieldProblem::Required;
    if (trimmed.size() > kMaxDisplayNameLength)
        return FieldProblem::TooLong;
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return FieldProblem::InvalidFormat;
    }
    return std::nullopt;
}

std::optional<FieldProblem> checkPassword(const QString& password, const QString& email)
{
    if (password.isEmpty())
        return FieldProblem::Required;
    if (password.size() < kMinPasswordLength)
        return FieldProblem::TooShort;
    if (password.size() > kMaxPasswordLength)
        return FieldProblem::TooLong;
    // Length is what matters (NIST SP 800-63B); refuse only the obviously guessable.
    if (password.trimmed().isEmpty() || normalizeEmail(password) == normalizeEmail(email) ||
        password.count(password.at(0)) == password.size())
        return FieldProblem::Weak;
    return std::nullopt;
}

QList<FieldError> checkRegistration(const QString& email, const QString& displayName, const QString& password,
                                    const QString& passwordConfirmation)
{
    QList<FieldError> errors;
    if (const auto problem = checkEmail(email))
        errors.append({QStringLiteral("email"), *problem});
    if (const auto problem = checkDisplayName(displayName))
        errors.append({QStringLiteral("displayName"), *problem});
    if (const auto problem = checkPassword(password, email))
        errors.append({QStringLiteral("password"), *problem});
    if (password != passwordConfirmation)
        errors.append({QStringLiteral("passwordConfirmation"), FieldProblem::Mismatch});
    return errors;
}

QList<FieldError> checkNewPassword(const QString& password, const QString& confirmation, const QString& email)
{
    QList<FieldError> errors;
    if (const auto problem = checkPassword(password, email))
        errors.append({QStringLiteral("newPassword"), *problem});
    if (password != confirmation)
        errors.append({QStringLiteral("newPasswordConfirmation"), FieldProblem::Mismatch});
    return errors;
}

} // namespace ccr::common::Validation
