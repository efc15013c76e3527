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

std::optional<FieldProblem> checkRatingStars(int stars)
{
    if (stars == 0)
        return FieldProblem::Required;
    if (stars < kMinRatingStars || stars > kMaxRatingStars)
        return FieldProblem::InvalidFormat;
    return std::nullopt;
}

std::optional<FieldProblem> checkRatingComment(const QString& comment)
{
    if (comment.trimmed().size() > kMaxRatingCommentLength)
        return FieldProblem::TooLong;
    return std::nullopt;
}

} // namespace ccr::common::TicketValidation
