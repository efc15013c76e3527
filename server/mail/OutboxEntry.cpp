#include "OutboxEntry.h"

namespace ccr::server {

QString statusName(OutboxEntry::Status status)
{
    switch (status) {
    case OutboxEntry::Status::Queued:
        return QStringLiteral("queued");
    case OutboxEntry::Status::Sending:
        return QStringLiteral("sending");
    case OutboxEntry::Status::Sent:
        return QStringLiteral("sent");
    case OutboxEntry::Status::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

} // namespace ccr::server
