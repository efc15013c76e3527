#pragma once

#include "../CborCodec.h"
#include "../messages/UserInfo.h"

#include <QCborMap>

namespace ccr::common {

/** An active agent and how many open tickets they hold, for choosing whom to assign. */
struct AgentLoad
{
    UserInfo agent;
    qint64 openTickets = 0;

    static auto fields()
    {
        return std::tuple{cbor::required("agent", &AgentLoad::agent),
                          cbor::required("openTickets", &AgentLoad::openTickets)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<AgentLoad> fromCbor(const QCborMap& map) { return cbor::fromMap<AgentLoad>(map); }
    friend bool operator==(const AgentLoad&, const AgentLoad&) = default;
};

} // namespace ccr::common
