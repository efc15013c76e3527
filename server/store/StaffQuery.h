#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ccr::server {

class Database;

/**
 * What a staff member typed, as FTS5 terms, all required, the last one a prefix: each typed
 * word as the index's tokenizer folds it (FtsTokenizer), the last one as the words of
 * search_words it begins when they are 1 to maxExpansion, else as FTS5's own prefix. FTS5
 * answers a prefix term by merging the posting lists of every word with that prefix before
 * the first row comes back, while named words are read only as far as the candidates go.
 *
 * Written for ticket_search as is, or for agent_search with every word prefixed by a queue
 * key (AgentSearchTable). Without the tokenizer the words go to FTS5 as typed, unfolded, and
 * cannot carry a key (folded() false).
 */
class StaffQuery final
{
public:
    static StaffQuery fromTyped(Database& database, const QString& typed, int maxExpansion);

    /** The typed words as FTS5 terms, unfolded, the last one FTS5's prefix. */
    static QString asTyped(const QString& typed);
    /**
     * Words as quoted FTS5 terms, each after key, all required, the last one a prefix; the
     * words must hold no quote. Also a customer's query (SearchIndex), keyed by the customer.
     */
    static QString quotedTerms(const QStringList& words, const QString& key = {});

    bool isEmpty() const { return m_phrases == 0; }
    /** Whether the words are the index's own tokens, so that a key can be put before them. */
    bool folded() const { return m_folded; }
    /** The FTS5 expression, each word prefixed by key ("" for ticket_search). */
    QString expression(const QString& key = {}) const;
    /** How many phrases expression() has. */
    int phrases() const { return m_phrases; }
    /** The phrase from which on the phrases are the last word's expansions (INT_MAX when not expanded). */
    int expandedFrom() const { return m_expandedFrom; }

private:
    QString phrase(const QList<QByteArray>& tokens, const QString& key) const;

    bool m_folded = false;
    QList<QList<QByteArray>> m_words; // every typed word but an expanded last one, as tokens
    QList<QByteArray> m_expansions;   // the words of search_words the last typed word begins
    QString m_asTyped;                // without the tokenizer
    int m_phrases = 0;
    int m_expandedFrom = 0;
};

} // namespace ccr::server
