#pragma once

#include "common/Error.h"
#include "common/FieldError.h"

#include <QCoreApplication>
#include <QString>

namespace ccr::app {

/** Turns typed errors into translated text that says what went wrong and what to do. */
class ErrorText final
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    static QString describe(const common::Error& error);
    static QString describe(common::FieldProblem problem);
    /** "photo.jpg could not be sent: …" for an attachment that did not reach the server. */
    static QString fileNotSent(const QString& fileName, const common::Error& error);
};

} // namespace ccr::app
