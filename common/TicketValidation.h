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

std::optional<FieldProblem> checkSubject(const QString& subject);
/** Descriptions, replies, notes and resolution notes: trimmed, not empty, within maxLength. */
std::optional<FieldProblem> checkText(const QString& text, qsizetype maxLength);
std::optional<FieldProblem> checkCategoryName(const QString& name);

} // namespace ccr::common::TicketValidation
