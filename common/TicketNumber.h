#pragma once

#include <QString>

namespace ccr::common::TicketNumber {

/** "CCR-000123": the ticket's id, so it never collides and never changes. */
QString format(qint64 ticketId);

/** The id inside a number such as "CCR-000123" or "ccr-123"; 0 if it is not one. */
qint64 parse(const QString& number);

} // namespace ccr::common::TicketNumber
