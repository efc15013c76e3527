#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** attachments.begin result: send chunks of at most chunkSize bytes. */
struct UploadStarted
{
    qint64 uploadId = 0;
    qint64 chunkSize = 0;

    static auto fields()
    {
        return std::tuple{cbor::required("uploadId", &UploadStarted::uploadId),
                          cbor::required("chunkSize", &UploadStarted::chunkSize)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<UploadStarted> fromCbor(const QCborMap& map) { return cbor::fromMap<UploadStarted>(map); }
    friend bool operator==(const UploadStarted&, const UploadStarted&) = default;
};

} // namespace ccr::common
