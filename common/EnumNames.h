#pragma once

#include <QString>
#include <array>
#include <utility>

namespace ccr::common {

/** The wire spelling of each value of an enum, in one table per enum. */
template <typename E, std::size_t N>
struct EnumNames
{
    std::array<std::pair<E, const char*>, N> entries;

    QString name(E value) const
    {
        for (const auto& [entry, text] : entries) {
            if (entry == value)
                return QString::fromLatin1(text);
        }
        return {};
    }

    bool parse(const QString& text, E& out) const
    {
        for (const auto& [entry, name] : entries) {
            if (text == QLatin1String(name)) {
                out = entry;
                return true;
            }
        }
        return false;
    }
};

} // namespace ccr::common
