#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** Params naming one ticket: by id, or by its number such as CCR-000123. */
struct TicketRef
{
    qint64 ticketId = 0;
    QString number;

    static auto fields()
    {
        return std::tuple{cbor::optional("ticketId", &TicketRef::ticketId),
                          cbor::optional("number", &TicketRef::number, 32)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<TicketRef> fromCbor(const QCborMap& map) { return cbor::fromMap<TicketRef>(map); }
    friend bool operator==(const TicketRef&, const TicketRef&) = default;
};

} // namespace ccr::common
