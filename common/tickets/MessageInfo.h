#pragma once

#include "../CborCodec.h"
#include "../MessageKind.h"
#include "AttachmentInfo.h"

#include <QCborMap>
#include <QDateTime>
#include <QList>

namespace ccr::common {

/** One entry of a ticket's conversation. System entries carry what changed in event/oldValue/newValue. */
struct MessageInfo
{
    qint64 id = 0;
    qint64 ticketId = 0;
    MessageKind kind = MessageKind::Public;
    qint64 authorId = 0;
    QString authorName;
    QString body;
    QDateTime createdAt;
    QString event;
    QString oldValue;
    QString newValue;
    QList<AttachmentInfo> attachments;

    static auto fields()
    {
        return std::tuple{cbor::required("id", &MessageInfo::id),
                          cbor::required("ticketId", &MessageInfo::ticketId),
                          cbor::required("kind", &MessageInfo::kind),
                          cbor::optional("authorId", &MessageInfo::authorId),
                          cbor::optional("authorName", &MessageInfo::authorName, 200),
                          cbor::required("body", &MessageInfo::body, 100000),
                          cbor::required("createdAt", &MessageInfo::createdAt),
                          cbor::optional("event", &MessageInfo::event, 100),
                          cbor::optional("oldValue", &MessageInfo::oldValue, 1000),
                          cbor::optional("newValue", &MessageInfo::newValue, 1000),
                          cbor::optional("attachments", &MessageInfo::attachments, 1000)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<MessageInfo> fromCbor(const QCborMap& map) { return cbor::fromMap<MessageInfo>(map); }
    friend bool operator==(const MessageInfo&, const MessageInfo&) = default;
};

} // namespace ccr::common
