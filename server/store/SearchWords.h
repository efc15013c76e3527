#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QSet>

namespace ccr::server {

class Database;

/**
 * search_words in the search file, written on the indexer's connection: every word of
 * ticket_search, as its tokenizer made it, for a staff search's typed prefix (StaffQuery).
 * Words known to be there already are skipped through a set in memory: most of a text's
 * words are, and a set lookup is much cheaper than an INSERT OR IGNORE. Only committed words
 * are known (a transaction rolled back takes its words with it); the set is emptied when it
 * grows past kKnownWords, and words longer than kLongestKnownWord are not kept.
 */
class SearchWords final
{
public:
    static constexpr qsizetype kKnownWords = 50000; // at most about 5 MB
    static constexpr qsizetype kLongestKnownWord = 64;

    explicit SearchWords(Database& index) : m_index(index) {}

    /** Adds the words that are new to search_words, in the open transaction. */
    common::Result<void> add(const QList<QByteArray>& words);
    /** The transaction committed: the words it added are known to be there. */
    void committed();
    /** The transaction is gone without a commit: its words are not known. */
    void discard() { m_newWords.clear(); }
    /** The table was emptied. */
    void forget();

private:
    Database& m_index;
    QSet<QByteArray> m_knownWords;
    QSet<QByteArray> m_newWords; // added by the transaction still open
};

} // namespace ccr::server
