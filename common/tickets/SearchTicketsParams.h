#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** tickets.search params: words to find, best matches first. */
struct SearchTicketsParams
{
    QString query;
    int limit = 50;
    int offset = 0;

    static auto fields()
    {
        return std::tuple{cbor::required("query", &SearchTicketsParams::query, 500),
                          cbor::optional("limit", &SearchTicketsParams::limit),
                          cbor::optional("offset", &SearchTicketsParams::offset)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<SearchTicketsParams> fromCbor(const QCborMap& map) { return cbor::fromMap<SearchTicketsParams>(map); }
    friend bool operator==(const SearchTicketsParams&, const SearchTicketsParams&) = default;
};

} // namespace ccr::common
