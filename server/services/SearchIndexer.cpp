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
        const auto more = indexOneBatch();
        if (!more)
            m_timer.start(kRetryMs); // the texts stay queued; try again later, not on every request
        else if (*more)
            m_timer.start(0); // a long backlog goes in rounds, so requests get their turns between them
        else
            m_backlogEmpty = true;
    });
    m_index.setBacklogCallback([this] { queued(); });
}

SearchIndexer::~SearchIndexer()
{
    m_index.setBacklogCallback({});
}

void SearchIndexer::queued()
{
    m_backlogEmpty = false;
    if (++m_queued >= kRoundTexts)
        m_timer.start(0);
    else if (!m_timer.isActive())
        m_timer.start(kDelayMs);
}

common::Result<void> SearchIndexer::catchUp()
{
    // Most searches find nothing queued: then no commit and no write transaction.
    if (m_backlogEmpty)
        return {};
    for (;;) {
        const auto more = indexOneBatch();
        if (!more) {
            m_timer.start(kRetryMs);
            return common::Error(common::ErrorCode::Unavailable,
                                 QStringLiteral("Search is not available right now: new texts could not be indexed. "
                                                "Try again in a moment; if it persists, the server's log says why."));
        }
        if (!*more)
            break;
    }
    m_timer.stop();
    m_backlogEmpty = true;
    return {};
}

std::optional<bool> SearchIndexer::indexOneBatch()
{
    m_queued = 0;
    // A transaction of its own, not a savepoint in the shared one: once FTS5 is written in a
    // transaction, every later savepoint there makes it write out its pending index again.
    // commitNow() only reschedules while a request is inside the shared transaction.
    if (auto* shared = m_database.groupCommit(); shared && (!shared->commitNow() || shared->isOpen())) {
        qCWarning(lcTickets) << "search indexing waits: the shared transaction could not be committed first";
        return std::nullopt;
    }
    Transaction transaction(m_database.connection());
    if (!transaction.isActive())
        return std::nullopt;
    const auto more = m_index.indexBacklog(kBatch);
    if (!more) {
        qCWarning(lcTickets) << "indexing texts for search failed; they stay queued:" << more.error().message;
        return std::nullopt;
    }
    if (!transaction.commit()) {
        qCWarning(lcTickets) << "indexing texts for search could not be kept; they stay queued";
        return std::nullopt;
    }
    return more.value();
}

} // namespace ccr::server
