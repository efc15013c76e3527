#include "FieldError.h"

#include <array>

namespace ccr::common {

namespace {

constexpr std::array kProblems{FieldProblem::Required,      FieldProblem::TooShort, FieldProblem::TooLong,
                               FieldProblem::InvalidFormat, FieldProblem::Mismatch, FieldProblem::Weak};

const QLatin1String kFields("fields");

} // namespace

QString fieldProblemName(FieldProblem problem)
{
    switch (problem) {
    case FieldProblem::Required:
        return QStringLiteral("required");
    case FieldProblem::TooShort:
        return QStringLiteral("too_short");
    case FieldProblem::TooLong:
        return QStringLiteral("too_long");
    case FieldProblem::InvalidFormat:
        return QStringLiteral("invalid_format");
    case FieldProblem::Mismatch:
        return QStringLiteral("mismatch");
    case FieldProblem::Weak:
        return QStringLiteral("weak");
    }
    return {};
}

Error validationError(const QList<FieldError>& errors)
{
    QCborMap fields;
    for (const auto& error : errors)
        fields.insert(error.field, fieldProblemName(error.problem));
    QCborMap details;
    details.insert(kFields, fields);
    QStringList names;
    for (const auto& error : errors)
        names << error.field;
    return Error(ErrorCode::ValidationFailed,
                 QStringLiteral("These fields are not valid: %1.").arg(names.join(QStringLiteral(", "))), details);
}

QList<FieldError> fieldErrorsOf(const Error& error)
{
    QList<FieldError> errors;
    if (error.code != ErrorCode::ValidationFailed)
        return errors;
    const QCborMap fields = error.details.value(kFields).toMap();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QString problemName = it.value().toString();
        for (const auto problem : kProblems) {
            if (fieldProblemName(problem) == problemName)
                errors.append(FieldError{it.key().toString(), problem});
        }
    }
    return errors;
}

} // namespace ccr::common
