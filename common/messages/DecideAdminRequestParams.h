#pragma once

#include "../Result.h"

#include <QCborMap>
#include <QString>

namespace ccr::common {

/** admin.decideAdminRequest params. */
struct DecideAdminRequestParams
{
    qint64 userId = 0;
    bool approve = false;

    QCborMap toCbor() const;
    static Result<DecideAdminRequestParams> fromCbor(const QCborMap& map);
    friend bool operator==(const DecideAdminRequestParams&, const DecideAdminRequestParams&) = default;
};

} // namespace ccr::common
