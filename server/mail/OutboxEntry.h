#pragma once

#include "OutgoingMail.h"
#include "common/NotificationKind.h"

#include <QDateTime>
#include <QString>

namespace ccr::server {

/** An outbox row: one mail and where it is on its way. */
struct OutboxEntry
{
    enum class Status
    {
        Queued,
        Sending,
        Sent,
        Failed,
    };

    qint64 id = 0;
    common::NotificationKind kind = common::NotificationKind::Welcome;
    qint64 userId = 0;
    qint64 ticketId = 0;
    OutgoingMail mail;
    Status status = Status::Queued;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
    QDateTime sentAt;
};

QString statusName(OutboxEntry::Status status);

} // namespace ccr::server
