#pragma once

#include "Error.h"
#include "Result.h"
#include "WireTime.h"

#include <QByteArray>
#include <QCborArray>
#include <QCborMap>
#include <QDateTime>
#include <QList>
#include <QString>
#include <concepts>
#include <limits>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

namespace ccr::common::cbor {

/**
 * Declarative CBOR mapping for protocol structs: a struct lists its fields once in a static
 * fields() function, and toMap() / fromMap() do the rest, with the same checks everywhere
 * (required fields, types, string lengths). Enums map through wireName() / fromWireName()
 * overloads found by argument-dependent lookup.
 */
enum class Presence
{
    Required,
    Optional,
};

template <typename S, typename M>
struct Field
{
    const char* name;
    M S::*member;
    Presence presence;
    qsizetype maxLength;
};

inline constexpr qsizetype kDefaultMaxLength = 10000;

template <typename S, typename M>
constexpr Field<S, M> required(const char* name, M S::*member, qsizetype maxLength = kDefaultMaxLength)
{
    return {name, member, Presence::Required, maxLength};
}

template <typename S, typename M>
constexpr Field<S, M> optional(const char* name, M S::*member, qsizetype maxLength = kDefaultMaxLength)
{
    return {name, member, Presence::Optional, maxLength};
}

template <typename T>
concept Described = requires { T::fields(); };

/** Hand-written messages that encode themselves. */
template <typename T>
concept SelfCoded = !Described<T> && requires(const T& value, const QCborMap& map) {
    { value.toCbor() } -> std::convertible_to<QCborMap>;
    { T::fromCbor(map) };
};

template <typename T>
concept WireEnum = std::is_enum_v<T> && requires(T value, const QString& name) {
    { wireName(value) } -> std::convertible_to<QString>;
    { fromWireName(name, value) } -> std::convertible_to<bool>;
};

template <typename T>
struct IsList : std::false_type
{
};
template <typename T>
struct IsList<QList<T>> : std::true_type
{
    using Element = T;
};

template <typename T>
struct IsOptional : std::false_type
{
};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type
{
    using Element = T;
};

template <Described S>
QCborMap toMap(const S& value);
template <Described S>
Result<S> fromMap(const QCborMap& map);

template <typename T>
QCborValue encode(const T& value)
{
    if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, QString> || std::is_same_v<T, QByteArray>)
        return QCborValue(value);
    else if constexpr (std::is_integral_v<T>)
        return QCborValue(static_cast<qint64>(value));
    else if constexpr (std::is_same_v<T, QDateTime>)
        return QCborValue(WireTime::toWire(value));
    else if constexpr (WireEnum<T>)
        return QCborValue(wireName(value));
    else if constexpr (IsOptional<T>::value)
        return value ? encode(*value) : QCborValue(QCborValue::Null);
    else if constexpr (IsList<T>::value) {
        QCborArray array;
        for (const auto& element : value)
            array.append(encode(element));
        return array;
    } else if constexpr (Described<T>)
        return toMap(value);
    else if constexpr (SelfCoded<T>)
        return value.toCbor();
    else
        static_assert(sizeof(T) == 0, "no CBOR mapping for this type");
}

/** Decodes into out; on failure returns a short description of what was wrong. */
template <typename T>
std::optional<QString> decode(const QCborValue& value, T& out, qsizetype maxLength)
{
    if constexpr (std::is_same_v<T, bool>) {
        if (!value.isBool())
            return QStringLiteral("must be true or false");
        out = value.toBool();
    } else if constexpr (std::is_same_v<T, QString>) {
        if (!value.isString())
            return QStringLiteral("must be a text string");
        if (value.toString().size() > maxLength)
            return QStringLiteral("is longer than %1 characters").arg(maxLength);
        out = value.toString();
    } else if constexpr (std::is_same_v<T, QByteArray>) {
        if (!value.isByteArray())
            return QStringLiteral("must be a byte string");
        if (value.toByteArray().size() > maxLength)
            return QStringLiteral("is longer than %1 bytes").arg(maxLength);
        out = value.toByteArray();
    } else if constexpr (std::is_integral_v<T>) {
        if (!value.isInteger())
            return QStringLiteral("must be an integer");
        const qint64 number = value.toInteger();
        if (!std::in_range<T>(number))
            return QStringLiteral("is out of range");
        out = static_cast<T>(number);
    } else if constexpr (std::is_same_v<T, QDateTime>) {
        if (!value.isInteger())
            return QStringLiteral("must be a time in milliseconds");
        out = WireTime::fromWire(value.toInteger());
    } else if constexpr (WireEnum<T>) {
        if (!value.isString() || !fromWireName(value.toString(), out))
            return QStringLiteral("has an unknown value");
    } else if constexpr (IsOptional<T>::value) {
        if (value.isNull() || value.isUndefined()) {
            out.reset();
            return std::nullopt;
        }
        typename IsOptional<T>::Element element{};
        if (auto problem = decode(value, element, maxLength))
            return problem;
        out = std::move(element);
    } else if constexpr (IsList<T>::value) {
        if (!value.isArray())
            return QStringLiteral("must be an array");
        const QCborArray array = value.toArray();
        if (array.size() > maxLength)
            return QStringLiteral("has more than %1 entries").arg(maxLength);
        out.clear();
        out.reserve(array.size());
        for (const auto& item : array) {
            typename IsList<T>::Element element{};
            if (auto problem = decode(item, element, kDefaultMaxLength))
                return problem;
            out.append(std::move(element));
        }
    } else if constexpr (Described<T> || SelfCoded<T>) {
        if (!value.isMap())
            return QStringLiteral("must be a map");
        auto nested = [&] {
            if constexpr (Described<T>)
                return fromMap<T>(value.toMap());
            else
                return T::fromCbor(value.toMap());
        }();
        if (!nested) {
            const QString inner = nested.error().details.value(QLatin1String("field")).toString();
            return inner.isEmpty() ? QStringLiteral("is not valid")
                                   : QStringLiteral("has a missing or wrong \"%1\"").arg(inner);
        }
        out = std::move(nested).value();
    } else {
        static_assert(sizeof(T) == 0, "no CBOR mapping for this type");
    }
    return std::nullopt;
}

template <Described S>
QCborMap toMap(const S& value)
{
    QCborMap map;
    std::apply([&](const auto&... field) { (map.insert(QLatin1String(field.name), encode(value.*(field.member))), ...); },
               S::fields());
    return map;
}

template <Described S>
Result<S> fromMap(const QCborMap& map)
{
    S value{};
    std::optional<Error> error;
    auto readField = [&](const auto& field) {
        if (error)
            return;
        const QLatin1String key(field.name);
        const QCborValue item = map.value(key);
        if (item.isUndefined() || (item.isNull() && field.presence == Presence::Optional)) {
            if (field.presence == Presence::Required) {
                error = Error(ErrorCode::InvalidParams, QStringLiteral("Field \"%1\" is missing.").arg(key),
                              QCborMap{{QLatin1String("field"), QString(key)}});
            }
            return;
        }
        if (auto problem = decode(item, value.*(field.member), field.maxLength))
            error = Error(ErrorCode::InvalidParams, QStringLiteral("Field \"%1\" %2.").arg(QString(key), *problem),
                          QCborMap{{QLatin1String("field"), QString(key)}});
    };
    std::apply([&](const auto&... field) { (readField(field), ...); }, S::fields());
    if (error)
        return *error;
    return value;
}

} // namespace ccr::common::cbor
