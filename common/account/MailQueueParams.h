#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** admin.mailQueue params: status is queued, sending, sent or failed; empty for all. */
struct MailQueueParams
{
    QString status;
    int limit = 100;

    static auto fields()
    {
        return std::tuple{cbor::optional("status", &MailQueueParams::status, 20),
                          cbor::optional("limit", &MailQueueParams::limit)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<MailQueueParams> fromCbor(const QCborMap& map) { return cbor::fromMap<MailQueueParams>(map); }
    friend bool operator==(const MailQueueParams&, const MailQueueParams&) = default;
};

} // namespace ccr::common
