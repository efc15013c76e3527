#pragma once

#include "../CborCodec.h"
#include "MailEntryInfo.h"
#include "../tickets/CountEntry.h"

#include <QCborMap>
#include <QList>

namespace ccr::common {

/** admin.mailQueue result. */
struct MailQueue
{
    bool smtpConfigured = false;
    QList<CountEntry> counts;
    QList<MailEntryInfo> entries;

    static auto fields()
    {
        return std::tuple{cbor::required("smtpConfigured", &MailQueue::smtpConfigured),
                          cbor::required("counts", &MailQueue::counts, 10),
                          cbor::required("entries", &MailQueue::entries, 1000)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<MailQueue> fromCbor(const QCborMap& map) { return cbor::fromMap<MailQueue>(map); }
    friend bool operator==(const MailQueue&, const MailQueue&) = default;
};

} // namespace ccr::common
