#pragma once

#include "../CborCodec.h"
#include "TicketInfo.h"

#include <QCborMap>
#include <QList>

namespace ccr::common {

/**
 * tickets.list / tickets.search result. nextCursor is empty on the last page. totalCapped
 * (search only, since 1.3): more texts matched than the server ranks; total counts the ranked.
 */
struct TicketPage
{
    QList<TicketInfo> tickets;
    qint64 total = 0;
    QString nextCursor;
    bool totalCapped = false;

    static auto fields()
    {
        return std::tuple{cbor::required("tickets", &TicketPage::tickets, 100000),
                          cbor::required("total", &TicketPage::total),
                          cbor::optional("nextCursor", &TicketPage::nextCursor, 500),
                          cbor::optional("totalCapped", &TicketPage::totalCapped)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<TicketPage> fromCbor(const QCborMap& map) { return cbor::fromMap<TicketPage>(map); }
    friend bool operator==(const TicketPage&, const TicketPage&) = default;
};

} // namespace ccr::common
