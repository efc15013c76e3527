#pragma once

#include <QtGlobal>

namespace ccr::server {

/** The ticket rules an operator can tune in the server configuration. */
struct TicketPolicy
{
    /** Agents may read the pool of unassigned tickets (they still cannot act on them). */
    bool agentsSeeUnassigned = true;
    qint64 maxAttachmentBytes = 10LL * 1024 * 1024;
    /** A search ranks at most this many of the most recent matching texts (see SearchIndex). */
    int searchCandidates = 1000;
};

} // namespace ccr::server
