#pragma once

#include "Error.h"

#include <QList>
#include <QString>

namespace ccr::common {

enum class FieldProblem
{
    Required,
    TooShort,
    TooLong,
    InvalidFormat,
    Mismatch,
    Weak,
};

/** One field that failed validation; the app shows a translated text next to the field. */
struct FieldError
{
    QString field;
    FieldProblem problem = FieldProblem::Required;

    friend bool operator==(const FieldError&, const FieldError&) = default;
};

QString fieldProblemName(FieldProblem problem);

/** ValidationFailed error carrying {fields: {name: problem}} in its details. */
Error validationError(const QList<FieldError>& errors);

/** The field errors carried by a ValidationFailed error (empty for any other error). */
QList<FieldError> fieldErrorsOf(const Error& error);

} // namespace ccr::common
