#pragma once

#include "common/tickets/TicketInfo.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace ccr::app {

/**
 * Remembers, per account on this computer, when the person last looked at each ticket, so
 * lists can mark what changed since. The first time an account is used here everything
 * already there counts as seen (the baseline: the newest update of the first list); after
 * that a ticket is "changed" when it was updated after the last look. All times are the
 * server's, so a wrong clock on this computer changes nothing. Kept in QSettings (no
 * secrets: ticket ids and times only).
 */
class SeenTickets final
{
public:
    /** account: e.g. "host:port/userId"; empty keeps nothing (tests, no account yet). */
    explicit SeenTickets(const QString& account = {});

    bool isChanged(const common::TicketInfo& ticket) const;
    void markSeen(const common::TicketInfo& ticket);
    bool hasBaseline() const { return m_baseline.isValid(); }
    /** Everything updated up to newest counts as seen; only the first call per account counts. */
    void setBaseline(const QDateTime& newest);

private:
    QString group() const;

    QString m_account;
    QDateTime m_baseline;
    QHash<qint64, QDateTime> m_seen;
};

} // namespace ccr::app
