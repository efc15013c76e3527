#pragma once

#include "MailIdentity.h"
#include "OutboxEntry.h"
#include "RelayPolicy.h"
#include "SmtpSender.h"
#include "SmtpSettings.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

namespace ccr::server {

class Clock;
class OutboxStore;

/**
 * Works through the outbox one mail at a time: marks it sending, hands it to SMTP on a
 * worker thread, and records the outcome back on the server's thread. A mail is marked
 * sent only after the relay accepted it; a crash in between leaves it "sending", which the
 * next start puts back in the queue, so it may go out twice but never gets lost, and a
 * second copy carries the same Message-ID. Temporary failures retry with back-off; 5xx
 * replies mark the mail failed with the reason.
 */
class MailRelay final : public QObject
{
    Q_OBJECT
public:
    MailRelay(OutboxStore& outbox, const Clock& clock, SmtpSettings settings, RelayPolicy policy,
              QObject* parent = nullptr);
    ~MailRelay() override;

    /** Requeues mail left "sending" by a crash and starts polling. */
    void start();
    /** Stops taking mail from the queue (shutdown); a send in progress still finishes. */
    void stop();
    /** Tries the queue now (e.g. right after something was queued). */
    void wake();
    bool configured() const { return m_settings.configured(); }

Q_SIGNALS:
    /** One mail reached a final or retry state; for logs and tests. */
    void mailProcessed(qint64 outboxId, ccr::server::OutboxEntry::Status status);

private:
    void sendNext();
    void record(const OutboxEntry& entry, const SmtpOutcome& outcome);

    OutboxStore& m_outbox;
    const Clock& m_clock;
    SmtpSettings m_settings;
    RelayPolicy m_policy;
    SmtpSender m_sender;
    MailIdentity m_identity;
    QTimer m_poll;
    bool m_busy = false;
    bool m_stopped = false;
    // Last member: destroyed first, waiting for a send in progress.
    QThreadPool m_worker;
};

} // namespace ccr::server
