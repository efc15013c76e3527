#pragma once

#include "common/TicketPriority.h"

#include <QDateTime>
#include <QString>

namespace ccr::server {

/** What a tickets row starts with; the store fills in status New and version 1. */
struct NewTicket
{
    qint64 customerId = 0;
    qint64 categoryId = 0;
    common::TicketPriority priority = common::TicketPriority::Medium;
    QString subject;
    QString description;
    QDateTime createdAt;
};

} // namespace ccr::server
