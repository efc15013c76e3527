#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** attachments.chunk params: the bytes at offset, in order. */
struct UploadChunkParams
{
    qint64 uploadId = 0;
    qint64 offset = 0;
    QByteArray data;

    static auto fields()
    {
        return std::tuple{cbor::required("uploadId", &UploadChunkParams::uploadId),
                          cbor::required("offset", &UploadChunkParams::offset),
                          cbor::required("data", &UploadChunkParams::data, 1048576)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<UploadChunkParams> fromCbor(const QCborMap& map) { return cbor::fromMap<UploadChunkParams>(map); }
    friend bool operator==(const UploadChunkParams&, const UploadChunkParams&) = default;
};

} // namespace ccr::common
