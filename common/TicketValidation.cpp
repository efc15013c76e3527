#include "TicketValidation.h"

namespace ccr::common::TicketValidation {

namespace {

std::optional<FieldProblem> checkLine(const QString& text, qsizetype maxLength)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return FieldProblem::Required;
    if (trimmed.size() > maxLength)
        return FieldProblem::TooLong;
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control)
            return FieldProblem::InvalidFormat;
    }
    return std::nullopt;
}

} // namespace

std::optional<FieldProblem> checkSubject(const QString& subject)
{
    return checkLine(subject, kMaxSubjectLength);
}

std::optional<FieldProblem> checkText(const QString& text, qsizetype maxLength)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return FieldProblem::Required;
    if (trimmed.size() > maxLength)
        return FieldProblem::TooLong;
    return std::nullopt;
}

std::optional<FieldProblem> checkCategoryName(const QString& name)
{
    return checkLine(name, kMaxCategoryNameLength);
}

} // namespace ccr::common::TicketValidation
