#include "SearchIndexer.h"

#include "ServiceLog.h"
#include "store/Database.h"
#include "store/GroupCommit.h"
#include "store/SearchIndex.h"
#include "store/Transaction.h"

namespace ccr::server {

SearchIndexer::SearchIndexer(Database& database, SearchIndex& index, QObject* parent)
    : QObject(parent), m_database(database), m_index(index)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (indexOneBatch())
            m_timer.start(0); // a long backlog goes in rounds, so requests get their turns between them
    });
    m_index.setBacklogCallback([this] { queued(); });
}

void SearchIndexer::queued()
{
    if (++m_queued >= kRoundTexts)
        m_timer.start(0);
    else if (!m_timer.isActive())
        m_timer.start(kDelayMs);
}

void SearchIndexer::catchUp()
{
    while (indexOneBatch()) {
    }
    m_timer.stop();
}

bool SearchIndexer::indexOneBatch()
{
    m_queued = 0;
    // A transaction of its own, not a savepoint in the shared one: once FTS5 is written in a
    // transaction, every later savepoint there makes it write out its pending index again.
    if (auto* shared = m_database.groupCommit(); shared && !shared->commitNow())
        return false;
    Transaction transaction(m_database.connection());
    if (!transaction.isActive())
        return false;
    const auto more = m_index.indexBacklog(kBatch);
    if (!more) {
        qCWarning(lcTickets) << "indexing texts for search failed; they stay queued:" << more.error().message;
        return false;
    }
    if (!transaction.commit()) {
        qCWarning(lcTickets) << "indexing texts for search could not be kept; they stay queued";
        return false;
    }
    return more.value();
}

} // namespace ccr::server
