#pragma once

#include "../CborCodec.h"
#include "../TicketPriority.h"
#include "../TicketStatus.h"

#include <QCborMap>
#include <QDateTime>
#include <QList>

namespace ccr::common {

/** tickets.list params: every filter is optional; sort is created, updated, priority, status or number. */
struct ListTicketsParams
{
    QList<TicketStatus> statuses;
    QList<TicketPriority> priorities;
    QList<qint64> categoryIds;
    qint64 agentId = 0;
    bool unassignedOnly = false;
    qint64 customerId = 0;
    QDateTime createdFrom;
    QDateTime createdTo;
    QString sort = QStringLiteral("updated");
    bool ascending = false;
    int limit = 50;
    QString cursor;
    bool includeDeleted = false;

    static auto fields()
    {
        return std::tuple{cbor::optional("statuses", &ListTicketsParams::statuses, 10),
                          cbor::optional("priorities", &ListTicketsParams::priorities, 10),
                          cbor::optional("categoryIds", &ListTicketsParams::categoryIds, 1000),
                          cbor::optional("agentId", &ListTicketsParams::agentId),
                          cbor::optional("unassignedOnly", &ListTicketsParams::unassignedOnly),
                          cbor::optional("customerId", &ListTicketsParams::customerId),
                          cbor::optional("createdFrom", &ListTicketsParams::createdFrom),
                          cbor::optional("createdTo", &ListTicketsParams::createdTo),
                          cbor::optional("sort", &ListTicketsParams::sort, 20),
                          cbor::optional("ascending", &ListTicketsParams::ascending),
                          cbor::optional("limit", &ListTicketsParams::limit),
                          cbor::optional("cursor", &ListTicketsParams::cursor, 500),
                          cbor::optional("includeDeleted", &ListTicketsParams::includeDeleted)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<ListTicketsParams> fromCbor(const QCborMap& map) { return cbor::fromMap<ListTicketsParams>(map); }
    friend bool operator==(const ListTicketsParams&, const ListTicketsParams&) = default;
};

} // namespace ccr::common
