#pragma once

#include "Error.h"

#include <QCborArray>
#include <QCborMap>
#include <QLatin1String>
#include <QString>
#include <optional>

namespace ccr::common {

/**
 * Reads typed fields out of a params map and remembers the first problem, so a message's
 * fromCbor() reads every field in a row and checks ok() once. A missing or mistyped field
 * becomes InvalidParams naming the field.
 */
class CborFields final
{
public:
    explicit CborFields(const QCborMap& map) : m_map(map) {}

    QString string(QLatin1String key, qsizetype maxLength = kDefaultMaxStringLength);
    QString optionalString(QLatin1String key, const QString& fallback = {},
                           qsizetype maxLength = kDefaultMaxStringLength);
    qint64 integer(QLatin1String key);
    qint64 optionalInteger(QLatin1String key, qint64 fallback);
    bool boolean(QLatin1String key);
    bool optionalBool(QLatin1String key, bool fallback);
    QCborMap map(QLatin1String key);
    QCborArray array(QLatin1String key);

    bool ok() const { return !m_error.has_value(); }
    const Error& error() const { return *m_error; }

    static constexpr qsizetype kDefaultMaxStringLength = 10000;

private:
    void fail(QLatin1String key, const QString& problem);

    const QCborMap& m_map;
    std::optional<Error> m_error;
};

} // namespace ccr::common
