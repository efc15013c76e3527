#pragma once

#include "common/MessageKind.h"
#include "common/TicketPriority.h"
#include "common/TicketStatus.h"

#include <QString>

namespace ccr::app::TicketText {

/** The words a person reads for the wire's status and priority names, translated. */
QString status(common::TicketStatus status);
QString priority(common::TicketPriority priority);
/** One line for a system message of the timeline: "Assigned to Ann", "Resolved"... */
QString timelineEntry(const QString& event, const QString& oldValue, const QString& newValue);

} // namespace ccr::app::TicketText
