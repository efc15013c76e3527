#include "TicketListCursor.h"

#include "common/WireTime.h"

#include <QCborArray>
#include <QCborValue>

namespace ccr::server {

using common::WireTime::toWire;

QString TicketListCursor::sortColumn(const QString& sort)
{
    if (sort == QLatin1String("created"))
        return QStringLiteral("t.created_at");
    if (sort == QLatin1String("priority"))
        return QStringLiteral("t.priority");
    if (sort == QLatin1String("status"))
        return QStringLiteral("t.status");
    if (sort == QLatin1String("number"))
        return QStringLiteral("t.id");
    if (sort == QLatin1String("updated"))
        return QStringLiteral("t.updated_at");
    return {};
}

qint64 TicketListCursor::sortValue(const common::TicketInfo& ticket, const QString& sort)
{
    if (sort == QLatin1String("created"))
        return toWire(ticket.createdAt);
    if (sort == QLatin1String("priority"))
        return static_cast<qint64>(ticket.priority);
    if (sort == QLatin1String("status"))
        return static_cast<qint64>(ticket.status);
    if (sort == QLatin1String("number"))
        return ticket.id;
    return toWire(ticket.updatedAt);
}

QString TicketListCursor::encode(const common::ListTicketsParams& params, qint64 value, qint64 id)
{
    return QString::fromLatin1(QCborValue(QCborArray{params.sort, params.ascending, value, id})
                                   .toCbor()
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<std::pair<qint64, qint64>> TicketListCursor::decode(const common::ListTicketsParams& params)
{
    const QString& cursor = params.cursor;
    const auto bytes = QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::Base64UrlEncoding |
                                                                             QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes)
        return std::nullopt;
    const QCborArray array = QCborValue::fromCbor(*bytes).toArray();
    if (array.size() != 4 || array.at(0).toString() != params.sort || !array.at(1).isBool() ||
        array.at(1).toBool() != params.ascending || !array.at(2).isInteger() || !array.at(3).isInteger())
        return std::nullopt;
    return std::pair{array.at(2).toInteger(), array.at(3).toInteger()};
}

} // namespace ccr::server
