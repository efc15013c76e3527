#pragma once

#include "../CborCodec.h"

#include <QCborMap>
#include <QList>

namespace ccr::common {

/** tickets.reply params. internal: a note only agents and admins ever see. */
struct ReplyParams
{
    qint64 ticketId = 0;
    QString body;
    bool internal = false;
    QList<qint64> attachmentIds;
    qint64 expectedVersion = 0;

    static auto fields()
    {
        return std::tuple{cbor::required("ticketId", &ReplyParams::ticketId),
                          cbor::required("body", &ReplyParams::body, 100000),
                          cbor::optional("internal", &ReplyParams::internal),
                          cbor::optional("attachmentIds", &ReplyParams::attachmentIds, 20),
                          cbor::optional("expectedVersion", &ReplyParams::expectedVersion)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<ReplyParams> fromCbor(const QCborMap& map) { return cbor::fromMap<ReplyParams>(map); }
    friend bool operator==(const ReplyParams&, const ReplyParams&) = default;
};

} // namespace ccr::common
