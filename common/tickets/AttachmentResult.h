#pragma once

#include "../CborCodec.h"
#include "AttachmentInfo.h"

#include <QCborMap>

namespace ccr::common {

/** A result that carries one attachment. */
struct AttachmentResult
{
    AttachmentInfo attachment;

    static auto fields()
    {
        return std::tuple{cbor::required("attachment", &AttachmentResult::attachment)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<AttachmentResult> fromCbor(const QCborMap& map) { return cbor::fromMap<AttachmentResult>(map); }
    friend bool operator==(const AttachmentResult&, const AttachmentResult&) = default;
};

} // namespace ccr::common
