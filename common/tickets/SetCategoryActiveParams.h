#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** categories.setActive params. */
struct SetCategoryActiveParams
{
    qint64 categoryId = 0;
    bool active = true;

    static auto fields()
    {
        return std::tuple{cbor::required("categoryId", &SetCategoryActiveParams::categoryId),
                          cbor::required("active", &SetCategoryActiveParams::active)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<SetCategoryActiveParams> fromCbor(const QCborMap& map) { return cbor::fromMap<SetCategoryActiveParams>(map); }
    friend bool operator==(const SetCategoryActiveParams&, const SetCategoryActiveParams&) = default;
};

} // namespace ccr::common
