#include "SeenTickets.h"

#include "common/WireTime.h"

#include <QSettings>

namespace ccr::app {

namespace {
const QString kBaseline = QStringLiteral("baseline");
}

SeenTickets::SeenTickets(const QString& account) : m_account(account)
{
    if (m_account.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(group());
    if (settings.contains(kBaseline))
        m_baseline = common::WireTime::fromWire(settings.value(kBaseline).toLongLong());
    const auto keys = settings.childKeys();
    for (const auto& key : keys) {
        if (key != kBaseline)
            m_seen.insert(key.toLongLong(), common::WireTime::fromWire(settings.value(key).toLongLong()));
    }
}

QString SeenTickets::group() const
{
    // QSettings treats '/' as a group separator; keep the account one key.
    return QStringLiteral("seenTickets/") + QString(m_account).replace(QLatin1Char('/'), QLatin1Char('_'));
}

bool SeenTickets::isChanged(const common::TicketInfo& ticket) const
{
    if (!m_baseline.isValid())
        return false;
    const QDateTime lastLook = std::max(m_baseline, m_seen.value(ticket.id));
    return ticket.updatedAt > lastLook;
}

void SeenTickets::setBaseline(const QDateTime& newest)
{
    if (m_baseline.isValid())
        return;
    m_baseline = newest;
    if (m_account.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(group());
    settings.setValue(kBaseline, common::WireTime::toWire(m_baseline));
}

void SeenTickets::markSeen(const common::TicketInfo& ticket)
{
    // The server's clock, like updatedAt itself: a skewed client clock cannot hide a change.
    const QDateTime now = ticket.updatedAt;
    m_seen.insert(ticket.id, now);
    if (m_account.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(group());
    settings.setValue(QString::number(ticket.id), common::WireTime::toWire(now));
}

} // namespace ccr::app
