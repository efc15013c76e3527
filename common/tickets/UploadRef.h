#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** attachments.finish params. */
struct UploadRef
{
    qint64 uploadId = 0;

    static auto fields()
    {
        return std::tuple{cbor::required("uploadId", &UploadRef::uploadId)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<UploadRef> fromCbor(const QCborMap& map) { return cbor::fromMap<UploadRef>(map); }
    friend bool operator==(const UploadRef&, const UploadRef&) = default;
};

} // namespace ccr::common
