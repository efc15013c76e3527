#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** A ticket category. Deactivated ones keep their tickets but take no new ones. */
struct CategoryInfo
{
    qint64 id = 0;
    QString name;
    bool active = true;

    static auto fields()
    {
        return std::tuple{cbor::required("id", &CategoryInfo::id),
                          cbor::required("name", &CategoryInfo::name, 100),
                          cbor::required("active", &CategoryInfo::active)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<CategoryInfo> fromCbor(const QCborMap& map) { return cbor::fromMap<CategoryInfo>(map); }
    friend bool operator==(const CategoryInfo&, const CategoryInfo&) = default;
};

} // namespace ccr::common
