#include "HelloResult.h"

#include "../CborFields.h"

namespace ccr::common {

QCborMap HelloResult::toCbor() const
{
    return {{QLatin1String("major"), major}, {QLatin1String("minor"), minor}, {QLatin1String("server"), server}};
}

Result<HelloResult> HelloResult::fromCbor(const QCborMap& map)
{
    CborFields fields(map);
    HelloResult params;
    params.major = static_cast<int>(fields.integer(QLatin1String("major")));
    params.minor = static_cast<int>(fields.integer(QLatin1String("minor")));
    params.server = fields.optionalString(QLatin1String("server"), {}, 200);
    if (!fields.ok())
        return fields.error();
    return params;
}

} // namespace ccr::common
