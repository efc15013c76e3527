#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** attachments.chunk result. */
struct UploadProgress
{
    qint64 received = 0;

    static auto fields()
    {
        return std::tuple{cbor::required("received", &UploadProgress::received)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<UploadProgress> fromCbor(const QCborMap& map) { return cbor::fromMap<UploadProgress>(map); }
    friend bool operator==(const UploadProgress&, const UploadProgress&) = default;
};

} // namespace ccr::common
