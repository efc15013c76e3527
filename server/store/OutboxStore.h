#pragma once

#include "common/Result.h"
#include "mail/OutboxEntry.h"

#include <QHash>
#include <QList>
#include <optional>

namespace ccr::server {

class Database;

/** The outbox table: the mail queue the relay works through. */
class OutboxStore final
{
public:
    explicit OutboxStore(Database& database) : m_database(database) {}

    common::Result<qint64> insert(const OutboxEntry& entry);
    /** The oldest queued mail whose next attempt is due. */
    std::optional<OutboxEntry> nextDue(const QDateTime& now) const;
    common::Result<void> markSending(qint64 id);
    common::Result<void> markSent(qint64 id, int attempts, const QDateTime& at);
    common::Result<void> markRetry(qint64 id, int attempts, const QDateTime& nextAttempt, const QString& error);
    common::Result<void> markFailed(qint64 id, int attempts, const QString& error);
    /** After a crash: mails caught in "sending" go back to the queue (a resend keeps its Message-ID). */
    qint64 requeueSending();
    /** Newest first; all statuses when status is empty. */
    common::Result<QList<OutboxEntry>> list(const std::optional<OutboxEntry::Status>& status, int limit) const;
    common::Result<QHash<QString, qint64>> countByStatus() const;

private:
    Database& m_database;
};

} // namespace ccr::server
