#pragma once

#include "../CborCodec.h"
#include "../NotificationKind.h"

#include <QCborMap>
#include <QDateTime>

namespace ccr::common {

/** One mail in the queue as admins see it (no bodies: they may hold reset codes). */
struct MailEntryInfo
{
    qint64 id = 0;
    NotificationKind kind = NotificationKind::Welcome;
    QString to;
    QString subject;
    QString status;
    int attempts = 0;
    QString lastError;
    QDateTime createdAt;
    QDateTime nextAttemptAt;
    QDateTime sentAt;

    static auto fields()
    {
        return std::tuple{cbor::required("id", &MailEntryInfo::id),
                          cbor::required("kind", &MailEntryInfo::kind),
                          cbor::required("to", &MailEntryInfo::to, 1000),
                          cbor::required("subject", &MailEntryInfo::subject, 2000),
                          cbor::required("status", &MailEntryInfo::status, 20),
                          cbor::required("attempts", &MailEntryInfo::attempts),
                          cbor::optional("lastError", &MailEntryInfo::lastError, 2000),
                          cbor::required("createdAt", &MailEntryInfo::createdAt),
                          cbor::optional("nextAttemptAt", &MailEntryInfo::nextAttemptAt),
                          cbor::optional("sentAt", &MailEntryInfo::sentAt)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<MailEntryInfo> fromCbor(const QCborMap& map) { return cbor::fromMap<MailEntryInfo>(map); }
    friend bool operator==(const MailEntryInfo&, const MailEntryInfo&) = default;
};

} // namespace ccr::common
