#include "CreateAgentParams.h"

#include "../CborFields.h"

namespace ccr::common {

QCborMap CreateAgentParams::toCbor() const
{
    return {{QLatin1String("email"), email},
            {QLatin1String("displayName"), displayName},
            {QLatin1String("password"), password}};
}

Result<CreateAgentParams> CreateAgentParams::fromCbor(const QCborMap& map)
{
    CborFields fields(map);
    CreateAgentParams params;
    params.email = fields.string(QLatin1String("email"), 1000);
    params.displayName = fields.string(QLatin1String("displayName"), 1000);
    params.password = fields.string(QLatin1String("password"), 1000);
    if (!fields.ok())
        return fields.error();
    return params;
}

} // namespace ccr::common
