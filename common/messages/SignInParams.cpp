#include "SignInParams.h"

#include "../CborFields.h"

namespace ccr::common {

QCborMap SignInParams::toCbor() const
{
    QCborMap map{{QLatin1String("email"), email}, {QLatin1String("password"), password}};
    if (!totpCode.isEmpty())
        map.insert(QLatin1String("totpCode"), totpCode);
    if (!recoveryCode.isEmpty())
        map.insert(QLatin1String("recoveryCode"), recoveryCode);
    return map;
}

Result<SignInParams> SignInParams::fromCbor(const QCborMap& map)
{
    CborFields fields(map);
    SignInParams params;
    params.email = fields.string(QLatin1String("email"), 1000);
    params.password = fields.string(QLatin1String("password"), 1000);
    params.totpCode = fields.optionalString(QLatin1String("totpCode"), {}, 20);
    params.recoveryCode = fields.optionalString(QLatin1String("recoveryCode"), {}, 40);
    if (!fields.ok())
        return fields.error();
    return params;
}

} // namespace ccr::common
