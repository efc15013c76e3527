#pragma once

#include "NewTicket.h"
#include "TicketListPlan.h"
#include "TicketScope.h"
#include "common/Result.h"
#include "common/tickets/ListTicketsParams.h"
#include "common/tickets/TicketCounts.h"
#include "common/tickets/TicketInfo.h"
#include "common/tickets/TicketPage.h"

#include <QHash>
#include <optional>

namespace ccr::server {

class Database;

/** The tickets table: rows, filtered and keyset-paginated lists, and dashboard counts. */
class TicketStore final
{
public:
    explicit TicketStore(Database& database) : m_database(database) {}

    common::Result<qint64> insert(const NewTicket& ticket);
    std::optional<common::TicketInfo> find(qint64 id) const;
    /**
     * The ticket exactly as find() would read it back right after insert() stored row under
     * this id (status New, version 1, nothing else set), without reading it.
     */
    static common::TicketInfo inserted(qint64 id, const NewTicket& row, const QString& customerName,
                                       const QString& categoryName);

    /**
     * Writes the ticket's mutable fields and bumps its version, only if the stored version
     * is still ticket.version (optimistic locking); Conflict otherwise.
     */
    common::Result<void> save(const common::TicketInfo& ticket, const QDateTime& updatedAt);
    common::Result<void> setDeleted(qint64 id, std::optional<qint64> deletedBy, const QDateTime& at);

    /** One page in the requested order; the cursor keeps pages stable while tickets are added. */
    common::Result<common::TicketPage> list(const common::ListTicketsParams& params, const TicketScope& scope) const;
    /** The same, read as the given plan says (list() asks TicketListPlan::decide()). */
    common::Result<common::TicketPage> list(const common::ListTicketsParams& params, const TicketScope& scope,
                                            const TicketListPlan& plan) const;

    struct PageQuery
    {
        QString sql;
        QVariantList values;
    };
    /** The SELECT that list() reads a page with; invalid params (sort, limit, cursor) fail. */
    static common::Result<PageQuery> pageQuery(const common::ListTicketsParams& params, const TicketScope& scope,
                                               const TicketListPlan& plan);
    /** Tickets by id in the given order, limited to the scope. */
    common::Result<QList<common::TicketInfo>> findMany(const QList<qint64>& ids, const TicketScope& scope) const;
    common::Result<common::TicketCounts> counts(const TicketScope& scope) const;
    /** Open (assigned, in progress, waiting) tickets per agent id. */
    common::Result<QHash<qint64, qint64>> openLoadByAgent() const;

private:
    common::Result<common::TicketCounts> talliedCounts() const;

    Database& m_database;
};

} // namespace ccr::server
