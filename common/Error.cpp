#include "Error.h"

#include <utility>

namespace ccr::common {

Error::Error(ErrorCode errorCode, QString text, QCborMap extra)
    : code(errorCode), message(text.isEmpty() ? defaultErrorMessage(errorCode) : std::move(text)),
      details(std::move(extra))
{
}

QCborMap Error::toCbor() const
{
    QCborMap map;
    map.insert(QLatin1String("code"), qToUnderlying(code));
    map.insert(QLatin1String("name"), errorCodeName(code));
    map.insert(QLatin1String("message"), message);
    if (!details.isEmpty())
        map.insert(QLatin1String("details"), details);
    return map;
}

Error Error::fromCbor(const QCborMap& map)
{
    const auto code = errorCodeFromInt(map.value(QLatin1String("code")).toInteger(qToUnderlying(ErrorCode::Internal)));
    return Error(code, map.value(QLatin1String("message")).toString(), map.value(QLatin1String("details")).toMap());
}

} // namespace ccr::common
