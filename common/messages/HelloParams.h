#pragma once

#include "../Result.h"

#include <QCborMap>
#include <QString>

namespace ccr::common {

/** hello params: the client's protocol version and name. */
struct HelloParams
{
    int major = 0;
    int minor = 0;
    QString client;

    QCborMap toCbor() const;
    static Result<HelloParams> fromCbor(const QCborMap& map);
    friend bool operator==(const HelloParams&, const HelloParams&) = default;
};

} // namespace ccr::common
