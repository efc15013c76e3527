#pragma once

#include "common/Result.h"

#include <QObject>
#include <QTimer>
#include <optional>

namespace ccr::server {

class Database;
class SearchIndex;

/**
 * Keeps the search index caught up with the texts SearchIndex queued in its backlog: in
 * rounds (kRoundTexts, kDelayMs) many texts at a time, at start
 * (what a crash left queued), and at once before every search, so that a search always
 * finds every text committed before it. Each round is a transaction of its own, after the
 * shared one is committed; if it fails, the texts stay queued and the next round tries again.
 */
class SearchIndexer final : public QObject
{
    Q_OBJECT
public:
    /**
     * A round starts once kRoundTexts texts are queued, so that under load it stays a few
     * milliseconds long, or kDelayMs after the first one, so that a quiet desk's round does
     * not land in the middle of the pushes of the change that queued it.
     */
    static constexpr int kRoundTexts = 128;
    static constexpr int kDelayMs = 250;
    static constexpr int kBatch = 5000;
    /** After a failed round, the next one waits this long (a search still tries at once). */
    static constexpr int kRetryMs = 5000;

    SearchIndexer(Database& database, SearchIndex& index, QObject* parent = nullptr);
    ~SearchIndexer() override;

    /** Indexes everything queued now; `unavailable` (texts still queued) if it could not. */
    common::Result<void> catchUp();

private:
    void queued();
    /** One transaction of at most kBatch texts: whether more are queued, or nothing if it failed. */
    std::optional<bool> indexOneBatch();

    Database& m_database;
    SearchIndex& m_index;
    QTimer m_timer;
    int m_queued = 0;
    // Known only after a round emptied it: at start a crash may have left texts, and a
    // failed round leaves them queued.
    bool m_backlogEmpty = false;
};

} // namespace ccr::server
