#include "Envelope.h"

namespace ccr::common {

namespace {

const QLatin1String kId("id");
const QLatin1String kMethod("method");
const QLatin1String kParams("params");
const QLatin1String kResult("result");
const QLatin1String kError("error");
const QLatin1String kEvent("event");
const QLatin1String kData("data");

constexpr qsizetype kMaxNameLength = 64;

Error envelopeError(const QString& message)
{
    return Error(ErrorCode::BadEnvelope, message);
}

} // namespace

QCborMap RequestEnvelope::toCbor() const
{
    QCborMap map;
    map.insert(kId, static_cast<qint64>(id));
    map.insert(kMethod, method);
    map.insert(kParams, params);
    return map;
}

Result<RequestEnvelope> RequestEnvelope::fromCbor(const QCborMap& map)
{
    const QCborValue id = map.value(kId);
    if (!id.isInteger() || id.toInteger() < 0)
        return envelopeError(QStringLiteral("Request needs a non-negative integer \"id\"."));
    const QCborValue method = map.value(kMethod);
    if (!method.isString() || method.toString().isEmpty() || method.toString().size() > kMaxNameLength)
        return envelopeError(QStringLiteral("Request needs a \"method\" name."));
    const QCborValue params = map.value(kParams);
    if (!params.isUndefined() && !params.isNull() && !params.isMap())
        return envelopeError(QStringLiteral("Request \"params\" must be a map."));
    return RequestEnvelope{static_cast<quint64>(id.toInteger()), method.toString(), params.toMap()};
}

QCborMap ReplyEnvelope::toCbor() const
{
    QCborMap map;
    map.insert(kId, static_cast<qint64>(id));
    if (error)
        map.insert(kError, error->toCbor());
    else
        map.insert(kResult, result);
    return map;
}

Result<ReplyEnvelope> ReplyEnvelope::fromCbor(const QCborMap& map)
{
    const QCborValue id = map.value(kId);
    if (!id.isInteger() || id.toInteger() < 0)
        return envelopeError(QStringLiteral("Reply needs a non-negative integer \"id\"."));
    ReplyEnvelope reply;
    reply.id = static_cast<quint64>(id.toInteger());
    const QCborValue error = map.value(kError);
    if (error.isMap()) {
        reply.error = Error::fromCbor(error.toMap());
        return reply;
    }
    const QCborValue result = map.value(kResult);
    if (!result.isMap())
        return envelopeError(QStringLiteral("Reply needs a \"result\" or an \"error\" map."));
    reply.result = result.toMap();
    return reply;
}

QCborMap EventEnvelope::toCbor() const
{
    QCborMap map;
    map.insert(kEvent, event);
    map.insert(kData, data);
    return map;
}

Result<EventEnvelope> EventEnvelope::fromCbor(const QCborMap& map)
{
    const QCborValue event = map.value(kEvent);
    if (!event.isString() || event.toString().isEmpty() || event.toString().size() > kMaxNameLength)
        return envelopeError(QStringLiteral("Event needs an \"event\" name."));
    return EventEnvelope{event.toString(), map.value(kData).toMap()};
}

Result<ServerMessage> parseServerMessage(const QCborMap& map)
{
    if (map.contains(kEvent)) {
        auto event = EventEnvelope::fromCbor(map);
        if (!event)
            return event.error();
        return ServerMessage{std::move(event).value()};
    }
    auto reply = ReplyEnvelope::fromCbor(map);
    if (!reply)
        return reply.error();
    return ServerMessage{std::move(reply).value()};
}

} // namespace ccr::common
