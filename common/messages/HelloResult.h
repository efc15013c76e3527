#pragma once

#include "../Result.h"

#include <QCborMap>
#include <QString>

namespace ccr::common {

/** hello result: the server's protocol version and name. */
struct HelloResult
{
    int major = 0;
    int minor = 0;
    QString server;

    QCborMap toCbor() const;
    static Result<HelloResult> fromCbor(const QCborMap& map);
    friend bool operator==(const HelloResult&, const HelloResult&) = default;
};

} // namespace ccr::common
