#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <functional>
#include <memory>

namespace ccr::server {

class Database;
class AgentSearchTable;
class FtsTokenizer;
class SearchWords;

/** What the search file holds: whether every text is in it, and the newest queue id indexed. */
struct SearchState
{
    bool complete = false;
    qint64 indexedUpTo = 0;
};

/** A round of indexing: the newest queue id now indexed, and whether more texts wait. */
struct IndexedRound
{
    qint64 indexedUpTo = 0;
    bool more = false;
};

/**
 * Writes the search file (SearchFile) on the indexer's connection (Database::openSearchIndex),
 * reading texts from the main database attached read-only: the queued ones in rounds, or all
 * of them when the index is rebuilt. Each round is one transaction of the search file, and
 * the newest queue id it indexed is kept in the same transaction, so after a crash the next
 * round starts exactly where the last kept one ended.
 */
class SearchIndexWriter final
{
public:
    static constexpr int kRebuildBatch = 5000;
    /** A round stops reading texts once it holds this many characters (8 MB as UTF-16). */
    static constexpr qsizetype kRoundChars = 4 * 1024 * 1024;

    explicit SearchIndexWriter(Database& index);
    ~SearchIndexWriter();

    common::Result<SearchState> state();
    /** The main database's identity (meta desk_id), which a complete index records. */
    common::Result<qint64> deskId();
    /**
     * Whether the index can carry on from the queue: complete, built for this main database,
     * and every text after its mark still queued (not so if the main database is older than
     * the index, or the index lost commits the main database had already dropped from the queue).
     */
    common::Result<bool> fitsTheQueue();
    /** Indexes up to limit queued texts after the newest indexed one, in one transaction. */
    common::Result<IndexedRound> indexQueued(int limit);
    /**
     * Empties the index and indexes every ticket and message of the main database anew, in
     * transactions of kRebuildBatch texts, each keeping how far it got, so a rebuild cut short
     * (stopping() true between batches, or a crash) goes on from there next time; marks the
     * index complete at the end. Progress gets the texts done and the total.
     */
    enum class Resume
    {
        IfUnfinished, // go on with an unfinished rebuild whose texts the main database still holds
        Never,        // start over: texts were added without the queue (bulk loading)
    };
    common::Result<void> rebuild(const std::function<void(qint64 done, qint64 total)>& progress = {},
                                 const std::function<bool()>& stopping = {}, Resume resume = Resume::IfUnfinished);

private:
    common::Result<QHash<QString, qint64>> stateValues();
    /** Empties the tables and records the bounds of a new rebuild (see rebuild()). */
    common::Result<void> startRebuild();
    /** A text as read from the main database, with its ticket's customer and queue key (AgentSearchTable). */
    struct TextToIndex
    {
        qint64 customerId;
        QString agentKey;
        QString kind;
        QString subject;
        QString body;
    };
    common::Result<void> insertText(qint64 ticketId, qint64 messageId, const TextToIndex& text);
    common::Result<void> setState(const QString& key, qint64 value);
    /** Indexes one batch of the rebuild's texts after `after` up to `last`; the newest id done, or `last`. */
    common::Result<qint64> rebuildBatch(bool messages, qint64 after, qint64 last);

    Database& m_index;
    std::unique_ptr<FtsTokenizer> m_tokenizer;
    std::unique_ptr<AgentSearchTable> m_agentTable;
    std::unique_ptr<SearchWords> m_words;
};

} // namespace ccr::server
