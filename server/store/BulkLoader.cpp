#include "BulkLoader.h"

#include "Database.h"
#include "GroupCommit.h"
#include "SearchIndexWriter.h"
#include "SqlValues.h"
#include "Transaction.h"
#include "common/TicketNumber.h"
#include "common/WireTime.h"

namespace ccr::server {

namespace {
constexpr qint64 kBatch = 20000;
}

common::Result<void> BulkLoader::loadTickets(qint64 count, const std::function<BulkTicket(qint64)>& next,
                                             const std::function<void(qint64)>& progress)
{
    QSqlDatabase& db = m_database.connection();
    // Bulk transactions are its own, large ones: what earlier requests share is committed first.
    if (auto* shared = m_database.groupCommit(); shared && !shared->commitNow())
        return common::Error(common::ErrorCode::Internal, QStringLiteral("Cannot commit the pending changes."));
    for (qint64 start = 0; start < count; start += kBatch) {
        Transaction transaction(db);
        if (!transaction.isActive())
            return common::Error(common::ErrorCode::Unavailable, QStringLiteral("Cannot start a bulk transaction."));
        QSqlQuery ticket(db);
        QSqlQuery event(db);
        ticket.prepare(
            QStringLiteral("INSERT INTO tickets (customer_id, agent_id, category_id, priority, status, subject,"
                           " description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        event.prepare(QStringLiteral("INSERT INTO ticket_events (ticket_id, actor_id, at, field, new_value)"
                                     " VALUES (?, ?, ?, 'created', ?)"));
        const qint64 end = std::min(count, start + kBatch);
        for (qint64 i = start; i < end; ++i) {
            const BulkTicket t = next(i);
            const qint64 at = common::WireTime::toWire(t.createdAt);
            ticket.bindValue(0, t.customerId);
            ticket.bindValue(1, SqlValues::optionalId(t.agentId));
            ticket.bindValue(2, t.categoryId);
            ticket.bindValue(3, static_cast<int>(t.priority));
            ticket.bindValue(4, t.agentId > 0 ? 1 : 0);
            ticket.bindValue(5, t.subject);
            ticket.bindValue(6, t.description);
            ticket.bindValue(7, at);
            ticket.bindValue(8, at);
            if (!ticket.exec())
                return SqlValues::failure(ticket, QStringLiteral("Bulk loading tickets failed."));
            const qint64 id = ticket.lastInsertId().toLongLong();
            event.bindValue(0, id);
            event.bindValue(1, t.customerId);
            event.bindValue(2, at);
            event.bindValue(3, common::TicketNumber::format(id));
            if (!event.exec())
                return SqlValues::failure(event, QStringLiteral("Bulk loading ticket events failed."));
        }
        ticket.finish();
        event.finish();
        if (!transaction.commit())
            return common::Error(common::ErrorCode::Unavailable, QStringLiteral("Cannot commit a bulk batch."));
        if (progress)
            progress(end);
    }
    // The search file is rebuilt from the tickets, as the server does when it finds it behind.
    Database index;
    if (auto opened = index.openSearchIndex(m_database.filePath()); !opened)
        return opened;
    // From scratch: the tickets just loaded were never queued, so an unfinished rebuild's bounds would miss them.
    return SearchIndexWriter(index).rebuild(
        [&progress](qint64 done, qint64 total) {
            if (progress && (done % 100000 == 0 || done == total))
                progress(-done);
        },
        {}, SearchIndexWriter::Resume::Never);
}

} // namespace ccr::server
