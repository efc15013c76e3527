#include "DecideAdminRequestParams.h"

#include "../CborFields.h"

namespace ccr::common {

QCborMap DecideAdminRequestParams::toCbor() const
{
    return {{QLatin1String("userId"), userId}, {QLatin1String("approve"), approve}};
}

Result<DecideAdminRequestParams> DecideAdminRequestParams::fromCbor(const QCborMap& map)
{
    CborFields fields(map);
    DecideAdminRequestParams params;
    params.userId = fields.integer(QLatin1String("userId"));
    params.approve = fields.boolean(QLatin1String("approve"));
    if (!fields.ok())
        return fields.error();
    return params;
}

} // namespace ccr::common
