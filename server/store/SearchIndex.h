#pragma once

#include "TicketScope.h"
#include "common/MessageKind.h"
#include "common/Result.h"

#include <QList>

namespace ccr::server {

class Database;

/** One page of search hits: ticket ids, best match first, and how many tickets matched. */
struct SearchHits
{
    QList<qint64> ticketIds;
    qint64 total = 0;
};

/**
 * Full-text search over tickets and their messages. SQLite FTS5 today; kept behind this
 * interface so another database can bring its own full-text engine.
 */
class SearchIndex final
{
public:
    explicit SearchIndex(Database& database) : m_database(database) {}

    common::Result<void> addTicket(qint64 ticketId, const QString& subject, const QString& description);
    common::Result<void> addMessage(qint64 ticketId, common::MessageKind kind, const QString& body);
    /** Ranked with BM25, a subject hit weighing more than a body hit; internal notes only if asked for. */
    common::Result<SearchHits> search(const QString& words, const TicketScope& scope, bool includeInternal, int limit,
                                      int offset) const;

    /** Turns what a person typed into an FTS5 query: every word must occur, the last as a prefix. */
    static QString toMatchExpression(const QString& words);

private:
    Database& m_database;
};

} // namespace ccr::server
