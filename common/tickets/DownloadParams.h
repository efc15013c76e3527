#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** attachments.download params: a byte range of the file. */
struct DownloadParams
{
    qint64 attachmentId = 0;
    qint64 offset = 0;
    qint64 length = 0;

    static auto fields()
    {
        return std::tuple{cbor::required("attachmentId", &DownloadParams::attachmentId),
                          cbor::optional("offset", &DownloadParams::offset),
                          cbor::optional("length", &DownloadParams::length)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<DownloadParams> fromCbor(const QCborMap& map) { return cbor::fromMap<DownloadParams>(map); }
    friend bool operator==(const DownloadParams&, const DownloadParams&) = default;
};

} // namespace ccr::common
