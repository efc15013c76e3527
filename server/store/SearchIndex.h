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
class StaffQuery;

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
 * Three FTS5 tables in the search file (SearchFile), under the row id ticket id << 32 |
 * message id (textRowId; negated in agent_search). ticket_search holds every text; admins
 * search it, and SearchRanking ranks the candidates in C++. agent_search (AgentSearchTable)
 * holds every text once more, each word prefixed by its ticket's queue key, so an agent's
 * search reads only their own and the unassigned tickets' words and checks no ticket.
 * customer_search, contentless, holds what a customer may see
 * once more, each word prefixed by its customer ("c14z" + word). A customer's search looks up only their
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
    /** A typed prefix standing for more words than this is left to FTS5's own prefix search. */
    static constexpr int kMaxExpansion = 32;

    explicit SearchIndex(Database& database, int candidates = kDefaultCandidates)
        : m_database(database), m_candidates(candidates)
    {}

    /**
     * addTicket() and addMessage() queue the text's ticket and message id in search_queue, in the caller's
     * transaction, and call this callback; the search indexer indexes the queue
     * in the search file (SearchFile) on a thread of its own, many texts at once.
     */
    void setQueueCallback(std::function<void()> onQueued) { m_onQueued = std::move(onQueued); }

    /** Queues the ticket's own text (subject and description) for the index. */
    common::Result<void> addTicket(qint64 ticketId);
    /** Queues a message's text; system messages are not searched. */
    common::Result<void> addMessage(qint64 ticketId, qint64 messageId, common::MessageKind kind);
    /**
     * Queues a change of the ticket's place in the agents' queues (assigned, deleted,
     * restored): the indexer moves its texts in agent_search (AgentSearchTable) to the new key.
     */
    common::Result<void> addScopeChange(qint64 ticketId);
    /** The message id of a queued scope change. */
    static constexpr qint64 kScopeChanged = -1;
    /** Drops the queued texts up to this queue id: the indexer has them. */
    common::Result<void> forgetIndexed(qint64 upTo);
    /** The newest queue id ever given out in schema's search_queue (0 if none). */
    common::Result<qint64> newestQueued(const QString& schema = QStringLiteral("main"));
    /** Ranked by SearchRanking (subject hits weigh ten body hits); internal notes only if asked for. */
    common::Result<SearchHits> search(const QString& words, const TicketScope& scope, bool includeInternal, int limit,
                                      int offset) const;

    /** Turns what a person typed into an FTS5 query: every word must occur, the last as a prefix. */
    static QString toMatchExpression(const QString& words);
    /** The owner token of a customer's texts (schema 5 to 8 kept it in ticket_search). */
    static QString ownerToken(qint64 customerId);
    /** A text's row id in the search tables: ticket id << 32 | the message's id (0: the ticket's own). */
    static qint64 textRowId(qint64 ticketId, qint64 messageId);
    /** Adds one text a customer may see to customer_search (bound values in the order of the statement). */
    static QString customerInsertStatement();
    static QVariantList customerInsertValues(qint64 rowId, qint64 customerId, const QString& subject,
                                             const QString& body);
    /** A customer's words as a customer_search query: every word must occur, the last as a prefix. */
    static QString customerMatchExpression(qint64 customerId, const QString& words);

private:
    /** Adds the candidates to ranking; how many texts matched (one more than ranked when capped), or nothing on
     * failure. */
    std::optional<int> rankCustomerTexts(const QString& words, const TicketScope& scope, SearchRanking& ranking) const;
    /** Staff over ticket_search, the scope checked on each candidate's ticket. */
    std::optional<int> rankStaffTexts(const StaffQuery& query, const TicketScope& scope, bool includeInternal,
                                      SearchRanking& ranking) const;
    /** An agent over agent_search: only their own and (if they see them) the unassigned tickets' words. */
    std::optional<int> rankAgentTexts(const StaffQuery& query, const TicketScope& scope, SearchRanking& ranking) const;
    // The tables' numbers in the connection's TextSizeCache (ccr_hits' fifth argument).
    static constexpr int kTicketSearchSizes = 1;
    static constexpr int kAgentSearchSizes = 2;
    /** Runs a query of ticket ids and ccr_hits blobs and ranks up to the candidates. */
    std::optional<int> rankHits(const QString& sql, const QVariantList& values, SearchRanking& ranking) const;

    common::Result<void> add(qint64 ticketId, qint64 messageId);

    Database& m_database;
    int m_candidates;
    std::function<void()> m_onQueued;
};

} // namespace ccr::server
