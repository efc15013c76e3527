#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** categories.rename params. */
struct RenameCategoryParams
{
    qint64 categoryId = 0;
    QString name;

    static auto fields()
    {
        return std::tuple{cbor::required("categoryId", &RenameCategoryParams::categoryId),
                          cbor::required("name", &RenameCategoryParams::name, 200)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<RenameCategoryParams> fromCbor(const QCborMap& map) { return cbor::fromMap<RenameCategoryParams>(map); }
    friend bool operator==(const RenameCategoryParams&, const RenameCategoryParams&) = default;
};

} // namespace ccr::common
