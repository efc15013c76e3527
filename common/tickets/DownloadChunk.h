#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** attachments.download result. */
struct DownloadChunk
{
    qint64 offset = 0;
    qint64 size = 0;
    QString sha256;
    QByteArray data;

    static auto fields()
    {
        return std::tuple{cbor::required("offset", &DownloadChunk::offset),
                          cbor::required("size", &DownloadChunk::size),
                          cbor::required("sha256", &DownloadChunk::sha256, 64),
                          cbor::required("data", &DownloadChunk::data, 1048576)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<DownloadChunk> fromCbor(const QCborMap& map) { return cbor::fromMap<DownloadChunk>(map); }
    friend bool operator==(const DownloadChunk&, const DownloadChunk&) = default;
};

} // namespace ccr::common
