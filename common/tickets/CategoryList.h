#pragma once

#include "../CborCodec.h"
#include "CategoryInfo.h"

#include <QCborMap>
#include <QList>

namespace ccr::common {

/** categories.list result. */
struct CategoryList
{
    QList<CategoryInfo> categories;

    static auto fields()
    {
        return std::tuple{cbor::required("categories", &CategoryList::categories, 100000)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<CategoryList> fromCbor(const QCborMap& map) { return cbor::fromMap<CategoryList>(map); }
    friend bool operator==(const CategoryList&, const CategoryList&) = default;
};

} // namespace ccr::common
