#include "HelloParams.h"

#include "../CborFields.h"

namespace ccr::common {

namespace {
constexpr qint64 kMaxVersionNumber = 65535;
}

QCborMap HelloParams::toCbor() const
{
    return {{QLatin1String("major"), major}, {QLatin1String("minor"), minor}, {QLatin1String("client"), client}};
}

Result<HelloParams> HelloParams::fromCbor(const QCborMap& map)
{
    CborFields fields(map);
    HelloParams params;
    const qint64 major = fields.integer(QLatin1String("major"));
    const qint64 minor = fields.integer(QLatin1String("minor"));
    params.client = fields.optionalString(QLatin1String("client"), {}, 200);
    if (!fields.ok())
        return fields.error();
    if (major < 0 || major > kMaxVersionNumber || minor < 0 || minor > kMaxVersionNumber)
        return Error(ErrorCode::InvalidParams, QStringLiteral("Protocol version numbers must be from 0 to 65535."));
    params.major = static_cast<int>(major);
    params.minor = static_cast<int>(minor);
    return params;
}

} // namespace ccr::common
