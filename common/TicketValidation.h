#pragma once

#include "FieldError.h"

#include <QString>
#include <optional>

namespace ccr::common::TicketValidation {

// The ticket rules the server enforces and the app checks before sending.
inline constexpr qsizetype kMaxSubjectLength = 200;
inline constexpr qsizetype kMaxDescriptionLength = 20000;
inline constexpr qsizetype kMaxMessageLength = 50000;
inline constexpr qsizetype kMaxCategoryNameLength = 100;
inline constexpr int kMinRatingStars = 1;
inline constexpr int kMaxRatingStars = 5;
inline constexpr qsizetype kMaxRatingCommentLength = 2000;

std::optional<FieldProblem> checkSubject(const QString& subject);
/** Descriptions, replies, notes and resolution notes: trimmed, not empty, within maxLength. */
std::optional<FieldProblem> checkText(const QString& text, qsizetype maxLength);
std::optional<FieldProblem> checkCategoryName(const QString& name);
/** 0 is "no stars chosen" (Required); anything else outside 1..5 is InvalidFormat. */
std::optional<FieldProblem> checkRatingStars(int stars);
/** The comment on a rating is optional: empty is fine, otherwise trimmed within kMaxRatingCommentLength. */
std::optional<FieldProblem> checkRatingComment(const QString& comment);

} // namespace ccr::common::TicketValidation
