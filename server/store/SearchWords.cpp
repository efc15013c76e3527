#include "SearchWords.h"

#include "SearchFile.h"
#include "SqlStatement.h"

namespace ccr::server {

common::Result<void> SearchWords::add(const QList<QByteArray>& words)
{
    for (const QByteArray& word : words) {
        if (m_knownWords.contains(word) || m_newWords.contains(word))
            continue;
        SqlStatement insert(m_index);
        if (!insert.exec(QStringLiteral("INSERT OR IGNORE INTO main.search_words (word) VALUES (?)"),
                         {QString::fromUtf8(word)}))
            return SearchFile::writeFailed(insert);
        // Long words (codes, pasted data) are rare: not worth the memory.
        if (word.size() <= kLongestKnownWord)
            m_newWords.insert(word);
    }
    return {};
}

void SearchWords::committed()
{
    if (m_knownWords.size() + m_newWords.size() > kKnownWords)
        m_knownWords.clear();
    m_knownWords.unite(m_newWords);
    m_newWords.clear();
}

void SearchWords::forget()
{
    m_knownWords.clear();
    m_newWords.clear();
}

} // namespace ccr::server
