#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** categories.create params. */
struct CreateCategoryParams
{
    QString name;

    static auto fields()
    {
        return std::tuple{cbor::required("name", &CreateCategoryParams::name, 200)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<CreateCategoryParams> fromCbor(const QCborMap& map) { return cbor::fromMap<CreateCategoryParams>(map); }
    friend bool operator==(const CreateCategoryParams&, const CreateCategoryParams&) = default;
};

} // namespace ccr::common
