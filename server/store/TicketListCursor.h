#pragma once

#include "common/tickets/ListTicketsParams.h"
#include "common/tickets/TicketInfo.h"

#include <QString>
#include <optional>
#include <utility>

namespace ccr::server {

/**
 * A ticket list's sort column and its keyset cursor. The cursor is opaque to clients:
 * base64url of the CBOR array [sort, ascending, sort value, ticket id]; it is refused with
 * another sort or direction than it was made for.
 */
class TicketListCursor final
{
public:
    /** The column for a sort name (created, updated, priority, status, number); empty if unknown. */
    static QString sortColumn(const QString& sort);
    /** The ticket's value in that column, as the cursor holds it. */
    static qint64 sortValue(const common::TicketInfo& ticket, const QString& sort);
    static QString encode(const common::ListTicketsParams& params, qint64 value, qint64 id);
    /** The sort value and ticket id of params.cursor; nothing if it was not made for this sort. */
    static std::optional<std::pair<qint64, qint64>> decode(const common::ListTicketsParams& params);
};

} // namespace ccr::server
