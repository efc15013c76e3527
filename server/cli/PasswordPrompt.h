#pragma once

#include <QString>
#include <optional>

namespace ccr::server::PasswordPrompt {

/**
 * Reads one password line: from the terminal without echo (asked twice), or from
 * standard input when it is not a terminal. Passwords never come from argv, where other
 * users could read them in the process list. std::nullopt on end of input or mismatch.
 */
std::optional<QString> read(const QString& prompt);

} // namespace ccr::server::PasswordPrompt
