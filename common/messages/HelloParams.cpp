#include "HelloParams.h"

#include "../CborFields.h"

namespace ccr::common {

QCborMap HelloParams::toCbor() const
{
    return {{QLatin1String("major"), major}, {QLatin1String("minor"), minor}, {QLatin1String("client"), client}};
}

Result<HelloParams> HelloParams::fromCbor(const QCborMap& map)
{
    CborFields fields(map);
    HelloParams params;
    params.major = static_cast<int>(fields.integer(QLatin1String("major")));
    params.minor = static_cast<int>(fields.integer(QLatin1String("minor")));
    params.client = fields.optionalString(QLatin1String("client"), {}, 200);
    if (!fields.ok())
        return fields.error();
    return params;
}

} // namespace ccr::common
