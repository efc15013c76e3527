#pragma once

#include "../CborCodec.h"

#include <QCborMap>

namespace ccr::common {

/** One bucket of a dashboard count: key is a status, priority, category id or agent id. */
struct CountEntry
{
    QString key;
    QString label;
    qint64 count = 0;

    static auto fields()
    {
        return std::tuple{cbor::required("key", &CountEntry::key, 200),
                          cbor::optional("label", &CountEntry::label, 200),
                          cbor::required("count", &CountEntry::count)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<CountEntry> fromCbor(const QCborMap& map) { return cbor::fromMap<CountEntry>(map); }
    friend bool operator==(const CountEntry&, const CountEntry&) = default;
};

} // namespace ccr::common
