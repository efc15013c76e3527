#pragma once

#include <QHash>
#include <QtGlobal>

#include <optional>
#include <utility>

namespace ccr::server {

/**
 * The column sizes (subject and body tokens) of indexed texts, by search table and row id,
 * kept per connection for ccr_hits (SearchHitCounts): FTS5 reads a text's sizes from its
 * docsize table with a statement of its own per row, which was the larger part of ranking a
 * staff search's 1,000 candidates. A text under a row id never changes (texts are not edited
 * and a rebuild gives each text the row id it had), so an entry never goes stale; the
 * candidates of searches are the newest texts, so the same ones are asked for again and again.
 * Emptied when it reaches kEntries (about 2 MB).
 */
class TextSizeCache final
{
public:
    static constexpr qsizetype kEntries = 65536;

    struct Sizes
    {
        int subject = 0;
        int body = 0;
    };

    std::optional<Sizes> find(int table, qint64 rowId) const
    {
        const auto found = m_sizes.constFind({table, rowId});
        return found == m_sizes.cend() ? std::nullopt : std::optional<Sizes>(*found);
    }

    void remember(int table, qint64 rowId, Sizes sizes)
    {
        if (m_sizes.size() >= kEntries)
            m_sizes.clear();
        m_sizes.insert({table, rowId}, sizes);
    }

    qsizetype size() const { return m_sizes.size(); }
    void clear() { m_sizes.clear(); }

private:
    QHash<std::pair<int, qint64>, Sizes> m_sizes;
};

} // namespace ccr::server
