#pragma once

#include "../CborCodec.h"

#include <QCborMap>
#include <QDateTime>

namespace ccr::common {

/** A stored file attached to a ticket or to one of its messages (messageId 0: the ticket itself). */
struct AttachmentInfo
{
    qint64 id = 0;
    QString fileName;
    qint64 size = 0;
    QString sha256;
    QString mimeType;
    qint64 ticketId = 0;
    qint64 messageId = 0;
    QDateTime createdAt;

    static auto fields()
    {
        return std::tuple{cbor::required("id", &AttachmentInfo::id),
                          cbor::required("fileName", &AttachmentInfo::fileName, 255),
                          cbor::required("size", &AttachmentInfo::size),
                          cbor::required("sha256", &AttachmentInfo::sha256, 64),
                          cbor::optional("mimeType", &AttachmentInfo::mimeType, 255),
                          cbor::optional("ticketId", &AttachmentInfo::ticketId),
                          cbor::optional("messageId", &AttachmentInfo::messageId),
                          cbor::optional("createdAt", &AttachmentInfo::createdAt)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<AttachmentInfo> fromCbor(const QCborMap& map) { return cbor::fromMap<AttachmentInfo>(map); }
    friend bool operator==(const AttachmentInfo&, const AttachmentInfo&) = default;
};

} // namespace ccr::common
