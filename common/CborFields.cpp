#include "CborFields.h"

namespace ccr::common {

QString CborFields::string(QLatin1String key, qsizetype maxLength)
{
    const QCborValue value = m_map.value(key);
    if (!value.isString()) {
        fail(key, value.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("must be a text string"));
        return {};
    }
    if (value.toString().size() > maxLength) {
        fail(key, QStringLiteral("is longer than %1 characters").arg(maxLength));
        return {};
    }
    return value.toString();
}

QString CborFields::optionalString(QLatin1String key, const QString& fallback, qsizetype maxLength)
{
    if (!m_map.contains(key) || m_map.value(key).isNull())
        return fallback;
    return string(key, maxLength);
}

qint64 CborFields::integer(QLatin1String key)
{
    const QCborValue value = m_map.value(key);
    if (!value.isInteger()) {
        fail(key, value.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("must be an integer"));
        return 0;
    }
    return value.toInteger();
}

qint64 CborFields::optionalInteger(QLatin1String key, qint64 fallback)
{
    if (!m_map.contains(key) || m_map.value(key).isNull())
        return fallback;
    return integer(key);
}

bool CborFields::boolean(QLatin1String key)
{
    const QCborValue value = m_map.value(key);
    if (!value.isBool()) {
        fail(key, value.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("must be true or false"));
        return false;
    }
    return value.toBool();
}

bool CborFields::optionalBool(QLatin1String key, bool fallback)
{
    if (!m_map.contains(key) || m_map.value(key).isNull())
        return fallback;
    return boolean(key);
}

QCborMap CborFields::map(QLatin1String key)
{
    const QCborValue value = m_map.value(key);
    if (!value.isMap()) {
        fail(key, value.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("must be a map"));
        return {};
    }
    return value.toMap();
}

QCborArray CborFields::array(QLatin1String key)
{
    const QCborValue value = m_map.value(key);
    if (!value.isArray()) {
        fail(key, value.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("must be an array"));
        return {};
    }
    return value.toArray();
}

void CborFields::fail(QLatin1String key, const QString& problem)
{
    if (m_error)
        return;
    QCborMap details;
    details.insert(QLatin1String("field"), QString(key));
    m_error = Error(ErrorCode::InvalidParams, QStringLiteral("Field \"%1\" %2.").arg(QString(key), problem), details);
}

} // namespace ccr::common
