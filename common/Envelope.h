#pragma once

#include "Error.h"
#include "Result.h"

#include <QCborMap>
#include <QString>
#include <optional>
#include <variant>

namespace ccr::common {

/** Client → server: {id, method, params}. */
struct RequestEnvelope
{
    quint64 id = 0;
    QString method;
    QCborMap params;

    QCborMap toCbor() const;
    static Result<RequestEnvelope> fromCbor(const QCborMap& map);
};

/** Server → client answer to one request: {id, result} or {id, error}. */
struct ReplyEnvelope
{
    quint64 id = 0;
    QCborMap result;
    std::optional<Error> error;

    bool isError() const { return error.has_value(); }
    QCborMap toCbor() const;
    static Result<ReplyEnvelope> fromCbor(const QCborMap& map);
};

/** Server → client push: {event, data}. */
struct EventEnvelope
{
    QString event;
    QCborMap data;

    QCborMap toCbor() const;
    static Result<EventEnvelope> fromCbor(const QCborMap& map);
};

/** What a client can receive: a reply or an event, told apart by the "event" key. */
using ServerMessage = std::variant<ReplyEnvelope, EventEnvelope>;
Result<ServerMessage> parseServerMessage(const QCborMap& map);

} // namespace ccr::common
