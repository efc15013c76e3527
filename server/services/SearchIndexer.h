#pragma once

#include <QObject>
#include <QTimer>

namespace ccr::server {

class Database;
class SearchIndex;

/**
 * Keeps the search index caught up with the texts SearchIndex queued in its backlog: soon
 * after the first one is queued (kDelayMs, so that a burst is indexed in one go), at start
 * (what a crash left queued), and at once before every search, so that a search always
 * finds every text committed before it. Each round is a transaction of its own, after the
 * shared one is committed; if it fails, the texts stay queued and the next round tries again.
 */
class SearchIndexer final : public QObject
{
    Q_OBJECT
public:
    /** Short enough that a round stays a few milliseconds long under load, long enough to gather texts. */
    static constexpr int kDelayMs = 25;
    static constexpr int kBatch = 5000;

    SearchIndexer(Database& database, SearchIndex& index, QObject* parent = nullptr);

    /** Indexes everything queued now. */
    void catchUp();

private:
    void scheduleSoon();
    /** One transaction of at most kBatch texts; whether more are queued. */
    bool indexOneBatch();

    Database& m_database;
    SearchIndex& m_index;
    QTimer m_timer;
};

} // namespace ccr::server
