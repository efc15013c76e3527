#include "PasswordPrompt.h"

#include <cstdio>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace ccr::server::PasswordPrompt {

namespace {

std::optional<QString> readLine()
{
    std::string line;
    if (!std::getline(std::cin, line))
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

std::optional<QString> readHidden(const QString& prompt)
{
    std::cerr << prompt.toStdString() << std::flush;
    termios saved{};
    const bool haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (haveTerminal) {
        termios hidden = saved;
        hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden);
    }
    auto line = readLine();
    if (haveTerminal)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::cerr << '\n';
    return line;
}

} // namespace

std::optional<QString> read(const QString& prompt)
{
    if (!isatty(STDIN_FILENO))
        return readLine();
    auto first = readHidden(prompt);
    if (!first)
        return std::nullopt;
    auto second = readHidden(QStringLiteral("Repeat the password: "));
    if (!second || *first != *second) {
        std::cerr << "The passwords do not match.\n";
        return std::nullopt;
    }
    return first;
}

} // namespace ccr::server::PasswordPrompt
