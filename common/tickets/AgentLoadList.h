#pragma once

#include "../CborCodec.h"
#include "AgentLoad.h"

#include <QCborMap>
#include <QList>

namespace ccr::common {

/** tickets.agentLoad result. */
struct AgentLoadList
{
    QList<AgentLoad> agents;

    static auto fields()
    {
        return std::tuple{cbor::required("agents", &AgentLoadList::agents, 100000)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<AgentLoadList> fromCbor(const QCborMap& map) { return cbor::fromMap<AgentLoadList>(map); }
    friend bool operator==(const AgentLoadList&, const AgentLoadList&) = default;
};

} // namespace ccr::common
