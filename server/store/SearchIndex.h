#pragma once

#include "TicketScope.h"
#include "common/MessageKind.h"
#include "common/Result.h"

#include <QList>
#include <QVariantList>
#include <functional>
#include <optional>

namespace ccr::server {

class Database;
class SearchRanking;

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
 * Two FTS5 tables. ticket_search holds every text; staff search it, and SearchRanking ranks
 * the candidates in C++. customer_search, contentless, holds what a customer may see once
 * more, each word prefixed by its customer ("c14z" + word), under the row id
 * ticket id << 32 | the text's ticket_search row id. A customer's search looks up only their
 * own words there, so its cost follows the customer's tickets, not the desk's: a common
 * word's posting list across a million tickets, and above all the merge of every word a
 * prefix matches, is never read. Since every posting list there is the customer's own, FTS5's
 * bm25() (subject x10) ranks cheaply, and the row id gives the ticket without reading a text.
 * Only the most recent kDefaultCandidates matching texts (in scope) are ranked: the cost of a
 * search stays bounded however common its words are.
 */
class SearchIndex final
{
public:
    static constexpr int kDefaultCandidates = 1000;

    explicit SearchIndex(Database& database, int candidates = kDefaultCandidates)
        : m_database(database), m_candidates(candidates)
    {}

    /**
     * With a backlog callback set, addTicket() and addMessage() only queue the text in
     * search_backlog (a plain table, in the caller's transaction) and call it; indexBacklog()
     * indexes the queue later, many texts at once. FTS5 writes its pending index out at every
     * savepoint and commit, which cost a quarter of a ticket's creation when each request
     * indexed its own text. Without a callback, texts are indexed at once.
     */
    void setBacklogCallback(std::function<void()> onBacklog) { m_onBacklog = std::move(onBacklog); }
    /** Indexes up to limit queued texts, oldest first; whether more are left. Call inside a transaction. */
    common::Result<bool> indexBacklog(int limit);

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
    /** Adds one text a customer may see to customer_search (bound values in the order of the statement). */
    static QString customerInsertStatement();
    static QVariantList customerInsertValues(qint64 searchRowId, qint64 ticketId, qint64 customerId,
                                             const QString& subject, const QString& body);
    /** A customer's words as a customer_search query: every word must occur, the last as a prefix. */
    static QString customerMatchExpression(qint64 customerId, const QString& words);

private:
    /** Adds the candidates to ranking; how many texts matched (one more than ranked when capped), or nothing on
     * failure. */
    std::optional<int> rankCustomerTexts(const QString& words, const TicketScope& scope, SearchRanking& ranking) const;
    std::optional<int> rankStaffTexts(const QString& words, const TicketScope& scope, bool includeInternal,
                                      SearchRanking& ranking) const;

    common::Result<void> add(const QString& subject, const QString& body, const QString& owner, qint64 customerId,
                             qint64 ticketId, const QString& kind);

    Database& m_database;
    int m_candidates;
    std::function<void()> m_onBacklog;
};

} // namespace ccr::server
