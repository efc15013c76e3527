#pragma once

#include "../CborCodec.h"

#include <QCborMap>
#include <QDateTime>

namespace ccr::common {

/** One audit record: who changed what on a ticket, when, from what to what. */
struct TicketEventInfo
{
    qint64 id = 0;
    qint64 ticketId = 0;
    qint64 actorId = 0;
    QString actorName;
    QDateTime at;
    QString field;
    QString oldValue;
    QString newValue;

    static auto fields()
    {
        return std::tuple{cbor::required("id", &TicketEventInfo::id),
                          cbor::required("ticketId", &TicketEventInfo::ticketId),
                          cbor::optional("actorId", &TicketEventInfo::actorId),
                          cbor::optional("actorName", &TicketEventInfo::actorName, 200),
                          cbor::required("at", &TicketEventInfo::at),
                          cbor::required("field", &TicketEventInfo::field, 100),
                          cbor::optional("oldValue", &TicketEventInfo::oldValue, 20000),
                          cbor::optional("newValue", &TicketEventInfo::newValue, 20000)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<TicketEventInfo> fromCbor(const QCborMap& map) { return cbor::fromMap<TicketEventInfo>(map); }
    friend bool operator==(const TicketEventInfo&, const TicketEventInfo&) = default;
};

} // namespace ccr::common
