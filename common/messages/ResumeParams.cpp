#include "ResumeParams.h"

#include "../CborFields.h"

namespace ccr::common {

QCborMap ResumeParams::toCbor() const
{
    return {{QLatin1String("token"), token}};
}

Result<ResumeParams> ResumeParams::fromCbor(const QCborMap& map)
{
    CborFields fields(map);
    ResumeParams params;
    params.token = fields.string(QLatin1String("token"), 200);
    if (!fields.ok())
        return fields.error();
    return params;
}

} // namespace ccr::common
