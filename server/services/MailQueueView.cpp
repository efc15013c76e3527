#include "MailQueueView.h"

#include "store/OutboxStore.h"

namespace ccr::server {

using common::Error;
using common::ErrorCode;

common::Result<common::MailQueue> MailQueueView::view(const common::MailQueueParams& params) const
{
    if (params.limit < 1 || params.limit > 1000)
        return Error(ErrorCode::InvalidParams, QStringLiteral("limit must be from 1 to 1000."));
    std::optional<OutboxEntry::Status> status;
    if (!params.status.isEmpty()) {
        for (const auto candidate : {OutboxEntry::Status::Queued, OutboxEntry::Status::Sending,
                                     OutboxEntry::Status::Sent, OutboxEntry::Status::Failed}) {
            if (statusName(candidate) == params.status)
                status = candidate;
        }
        if (!status)
            return Error(ErrorCode::InvalidParams, QStringLiteral("status must be queued, sending, sent or failed."));
    }
    auto entries = m_outbox.list(status, params.limit);
    if (!entries)
        return entries.error();
    auto counts = m_outbox.countByStatus();
    if (!counts)
        return counts.error();

    common::MailQueue queue;
    queue.smtpConfigured = m_smtpConfigured;
    for (auto it = counts->cbegin(); it != counts->cend(); ++it)
        queue.counts.append({it.key(), {}, it.value()});
    for (const auto& entry : entries.value()) {
        queue.entries.append({entry.id, entry.kind, entry.mail.toAddress, entry.mail.subject, statusName(entry.status),
                              entry.attempts, entry.lastError, entry.mail.date,
                              entry.status == OutboxEntry::Status::Queued ? entry.nextAttemptAt : QDateTime(),
                              entry.sentAt});
    }
    return queue;
}

} // namespace ccr::server
