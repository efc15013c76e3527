#pragma once

#include "../CborCodec.h"
#include "MessageInfo.h"
#include "TicketInfo.h"

#include <QCborMap>

namespace ccr::common {

/** tickets.reply result: the new message and the ticket after it. */
struct ReplyResult
{
    TicketInfo ticket;
    MessageInfo message;

    static auto fields()
    {
        return std::tuple{cbor::required("ticket", &ReplyResult::ticket),
                          cbor::required("message", &ReplyResult::message)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<ReplyResult> fromCbor(const QCborMap& map) { return cbor::fromMap<ReplyResult>(map); }
    friend bool operator==(const ReplyResult&, const ReplyResult&) = default;
};

} // namespace ccr::common
