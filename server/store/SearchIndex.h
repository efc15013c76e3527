#pragma once

#include "TicketScope.h"
#include "common/MessageKind.h"
#include "common/Result.h"

#include <QList>

namespace ccr::server {

class Database;

/**
 * One page of search hits: ticket ids, best match first, and how many tickets matched. When
 * capped, more texts matched than were ranked and total counts only the ranked tickets.
 */
struct SearchHits
{
    QList<qint64> ticketIds;
    qint64 total = 0;
    bool capped = false;
};

/**
 * Full-text search over tickets and their messages. SQLite FTS5 today; kept behind this
 * interface so another database can bring its own full-text engine.
 *
 * Every text carries its customer as an owner token, so a customer's search is intersected
 * with their own tickets inside the index. Only the most recent kDefaultCandidates matching
 * texts (in scope) are ranked: the cost of a search stays bounded however common its words are.
 */
class SearchIndex final
{
public:
    static constexpr int kDefaultCandidates = 1000;

    explicit SearchIndex(Database& database, int candidates = kDefaultCandidates)
        : m_database(database), m_candidates(candidates)
    {
    }

    common::Result<void> addTicket(qint64 ticketId, qint64 customerId, const QString& subject,
                                   const QString& description);
    common::Result<void> addMessage(qint64 ticketId, qint64 customerId, common::MessageKind kind, const QString& body);
    /** Ranked by SearchRanking (subject hits weigh ten body hits); internal notes only if asked for. */
    common::Result<SearchHits> search(const QString& words, const TicketScope& scope, bool includeInternal, int limit,
                                      int offset) const;

    /** Turns what a person typed into an FTS5 query: every word must occur, the last as a prefix. */
    static QString toMatchExpression(const QString& words);
    /** The owner token of a customer's texts. */
    static QString ownerToken(qint64 customerId);

private:
    Database& m_database;
    int m_candidates;
};

} // namespace ccr::server
