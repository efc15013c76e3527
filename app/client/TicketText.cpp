#include "TicketText.h"

#include <QCoreApplication>

namespace ccr::app::TicketText {

namespace {

QString translate(const char* text)
{
    return QCoreApplication::translate("TicketText", text);
}

} // namespace

QString status(common::TicketStatus status)
{
    switch (status) {
    case common::TicketStatus::New:
        return translate(QT_TRANSLATE_NOOP("TicketText", "New"));
    case common::TicketStatus::Assigned:
        return translate(QT_TRANSLATE_NOOP("TicketText", "Assigned"));
    case common::TicketStatus::InProgress:
        return translate(QT_TRANSLATE_NOOP("TicketText", "In progress"));
    case common::TicketStatus::WaitingOnCustomer:
        return translate(QT_TRANSLATE_NOOP("TicketText", "Waiting for your answer"));
    case common::TicketStatus::Resolved:
        return translate(QT_TRANSLATE_NOOP("TicketText", "Resolved"));
    case common::TicketStatus::Closed:
        return translate(QT_TRANSLATE_NOOP("TicketText", "Closed"));
    }
    return {};
}

QString priority(common::TicketPriority priority)
{
    switch (priority) {
    case common::TicketPriority::Low:
        return translate(QT_TRANSLATE_NOOP("TicketText", "Low"));
    case common::TicketPriority::Medium:
        return translate(QT_TRANSLATE_NOOP("TicketText", "Medium"));
    case common::TicketPriority::High:
        return translate(QT_TRANSLATE_NOOP("TicketText", "High"));
    case common::TicketPriority::Urgent:
        return translate(QT_TRANSLATE_NOOP("TicketText", "Urgent"));
    }
    return {};
}

QString timelineEntry(const QString& event, const QString& oldValue, const QString& newValue)
{
    if (event == QLatin1String("assigned")) {
        if (oldValue.isEmpty())
            return translate(QT_TRANSLATE_NOOP("TicketText", "Assigned to %1")).arg(newValue);
        return translate(QT_TRANSLATE_NOOP("TicketText", "Handed from %1 to %2")).arg(oldValue, newValue);
    }
    if (event == QLatin1String("status")) {
        common::TicketStatus to{};
        if (common::fromWireName(newValue, to))
            return translate(QT_TRANSLATE_NOOP("TicketText", "Status: %1")).arg(status(to));
    }
    return translate(QT_TRANSLATE_NOOP("TicketText", "Changed: %1")).arg(event);
}

} // namespace ccr::app::TicketText
