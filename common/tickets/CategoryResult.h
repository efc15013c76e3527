#pragma once

#include "../CborCodec.h"
#include "CategoryInfo.h"

#include <QCborMap>

namespace ccr::common {

/** A result that carries one category. */
struct CategoryResult
{
    CategoryInfo category;

    static auto fields()
    {
        return std::tuple{cbor::required("category", &CategoryResult::category)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<CategoryResult> fromCbor(const QCborMap& map) { return cbor::fromMap<CategoryResult>(map); }
    friend bool operator==(const CategoryResult&, const CategoryResult&) = default;
};

} // namespace ccr::common
