#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** categories.list params. */
struct ListCategoriesParams
{
    bool includeInactive = false;

    static auto fields()
    {
        return std::tuple{cbor::optional("includeInactive", &ListCategoriesParams::includeInactive)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<ListCategoriesParams> fromCbor(const QCborMap& map) { return cbor::fromMap<ListCategoriesParams>(map); }
    friend bool operator==(const ListCategoriesParams&, const ListCategoriesParams&) = default;
};

} // namespace ccr::common
