#include "RegisterParams.h"

#include "../CborFields.h"

namespace ccr::common {

QCborMap RegisterParams::toCbor() const
{
    return {{QLatin1String("email"), email},
            {QLatin1String("displayName"), displayName},
            {QLatin1String("password"), password},
            {QLatin1String("passwordConfirmation"), passwordConfirmation},
            {QLatin1String("requestAdmin"), requestAdmin},
            {QLatin1String("locale"), locale}};
}

Result<RegisterParams> RegisterParams::fromCbor(const QCborMap& map)
{
    CborFields fields(map);
    RegisterParams params;
    params.email = fields.string(QLatin1String("email"), 1000);
    params.displayName = fields.string(QLatin1String("displayName"), 1000);
    params.password = fields.string(QLatin1String("password"), 1000);
    params.passwordConfirmation = fields.string(QLatin1String("passwordConfirmation"), 1000);
    params.requestAdmin = fields.optionalBool(QLatin1String("requestAdmin"), false);
    params.locale = fields.optionalString(QLatin1String("locale"), {}, 20);
    if (!fields.ok())
        return fields.error();
    return params;
}

} // namespace ccr::common
