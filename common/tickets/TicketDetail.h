#pragma once

#include "../CborCodec.h"
#include "AttachmentInfo.h"
#include "MessageInfo.h"
#include "TicketInfo.h"

#include <QCborMap>
#include <QList>

namespace ccr::common {

/** tickets.get result: the ticket, its conversation as the caller may see it, and its files. */
struct TicketDetail
{
    TicketInfo ticket;
    QList<MessageInfo> messages;
    QList<AttachmentInfo> attachments;

    static auto fields()
    {
        return std::tuple{cbor::required("ticket", &TicketDetail::ticket),
                          cbor::required("messages", &TicketDetail::messages, 100000),
                          cbor::optional("attachments", &TicketDetail::attachments, 10000)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<TicketDetail> fromCbor(const QCborMap& map) { return cbor::fromMap<TicketDetail>(map); }
    friend bool operator==(const TicketDetail&, const TicketDetail&) = default;
};

} // namespace ccr::common
