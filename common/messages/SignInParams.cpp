#include "SignInParams.h"

#include "../CborFields.h"

namespace ccr::common {

QCborMap SignInParams::toCbor() const
{
    return {{QLatin1String("email"), email}, {QLatin1String("password"), password}};
}

Result<SignInParams> SignInParams::fromCbor(const QCborMap& map)
{
    CborFields fields(map);
    SignInParams params;
    params.email = fields.string(QLatin1String("email"), 1000);
    params.password = fields.string(QLatin1String("password"), 1000);
    if (!fields.ok())
        return fields.error();
    return params;
}

} // namespace ccr::common
