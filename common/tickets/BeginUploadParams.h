#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** attachments.begin params: what will be sent, so size and hash can be checked. */
struct BeginUploadParams
{
    QString fileName;
    qint64 size = 0;
    QString sha256;
    QString mimeType;

    static auto fields()
    {
        return std::tuple{cbor::required("fileName", &BeginUploadParams::fileName, 255),
                          cbor::required("size", &BeginUploadParams::size),
                          cbor::required("sha256", &BeginUploadParams::sha256, 64),
                          cbor::optional("mimeType", &BeginUploadParams::mimeType, 255)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<BeginUploadParams> fromCbor(const QCborMap& map) { return cbor::fromMap<BeginUploadParams>(map); }
    friend bool operator==(const BeginUploadParams&, const BeginUploadParams&) = default;
};

} // namespace ccr::common
