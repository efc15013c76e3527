#include "MailRelay.h"

#include "MailFormat.h"
#include "MailLog.h"
#include "MailTemplates.h"
#include "services/Clock.h"
#include "store/OutboxStore.h"

#include <cmath>

namespace ccr::server {

MailRelay::MailRelay(OutboxStore& outbox, const Clock& clock, SmtpSettings settings, RelayPolicy policy,
                     QObject* parent)
    : QObject(parent), m_outbox(outbox), m_clock(clock), m_settings(std::move(settings)), m_policy(policy),
      m_sender(m_settings), m_identity{m_settings.fromAddress, m_settings.fromName}
{
    m_worker.setMaxThreadCount(1);
    m_poll.setInterval(m_policy.pollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &MailRelay::sendNext);
}

MailRelay::~MailRelay()
{
    m_worker.waitForDone();
}

void MailRelay::start()
{
    if (const qint64 requeued = m_outbox.requeueSending(); requeued > 0)
        qCInfo(lcMail) << requeued << "mail(s) interrupted while sending are queued again";
    const auto counts = m_outbox.countByStatus();
    const qint64 waiting = counts ? counts->value(QStringLiteral("queued")) : 0;
    if (!configured()) {
        qCWarning(lcMail) << "no SMTP relay configured: mail stays queued (" << waiting
                          << "waiting); set [smtp] host in the configuration";
        return;
    }
    if (m_settings.security == SmtpSettings::Security::None && !m_settings.username.isEmpty())
        qCWarning(lcMail) << "smtp/security is none: the relay password travels unencrypted; use starttls or tls";
    qCInfo(lcMail) << "relaying mail through" << m_settings.host << "port" << m_settings.port << "," << waiting
                   << "waiting";
    m_poll.start();
    sendNext();
}

void MailRelay::stop()
{
    m_poll.stop();
    m_stopped = true;
}

void MailRelay::wake()
{
    if (configured())
        QMetaObject::invokeMethod(this, &MailRelay::sendNext, Qt::QueuedConnection);
}

void MailRelay::sendNext()
{
    if (m_busy || m_stopped || !configured())
        return;
    auto entry = m_outbox.nextDue(m_clock.now());
    if (!entry)
        return;
    if (!m_outbox.markSending(entry->id)) {
        qCWarning(lcMail) << "cannot mark mail" << entry->id << "as sending; will retry";
        return;
    }
    m_busy = true;
    OutgoingMail mail = entry->mail;
    mail.fromAddress = m_identity.fromAddress;
    mail.fromName = m_identity.fromName;
    // Made and rendered on the sending thread, not the one that answers requests.
    m_worker.start([this, entry = *entry, mail]() mutable {
        if (mail.htmlBody.isEmpty())
            mail.htmlBody = MailTemplates::html(mail.textBody);
        const QByteArray message = MailFormat::render(mail);
        const SmtpOutcome outcome = m_sender.send(mail.fromAddress, entry.mail.toAddress, message);
        QMetaObject::invokeMethod(
            this, [this, entry, outcome] { record(entry, outcome); }, Qt::QueuedConnection);
    });
}

void MailRelay::record(const OutboxEntry& entry, const SmtpOutcome& outcome)
{
    m_busy = false;
    const int attempts = entry.attempts + 1;
    OutboxEntry::Status status = OutboxEntry::Status::Sent;
    if (outcome.accepted) {
        if (!m_outbox.markSent(entry.id, attempts, m_clock.now()))
            qCWarning(lcMail) << "mail" << entry.id << "was sent but could not be marked; it may go out again";
        qCInfo(lcMail) << "mail" << entry.id << common::wireName(entry.kind) << "sent";
    } else if (outcome.permanent || attempts >= m_policy.maxAttempts) {
        status = OutboxEntry::Status::Failed;
        if (!m_outbox.markFailed(entry.id, attempts, outcome.error))
            qCWarning(lcMail) << "cannot mark mail" << entry.id << "as failed";
        qCWarning(lcMail) << "mail" << entry.id << "failed for good:" << outcome.error;
    } else {
        status = OutboxEntry::Status::Queued;
        const double delay =
            std::min<double>(m_policy.maxRetrySeconds, m_policy.firstRetrySeconds * std::pow(2.0, attempts - 1));
        const QDateTime next = m_clock.now().addMSecs(static_cast<qint64>(delay * 1000));
        if (!m_outbox.markRetry(entry.id, attempts, next, outcome.error))
            qCWarning(lcMail) << "cannot schedule mail" << entry.id << "for retry";
        qCInfo(lcMail) << "mail" << entry.id << "not delivered (" << outcome.error << "); retry in" << delay << "s";
    }
    Q_EMIT mailProcessed(entry.id, status);
    // Each mail keeps its own back-off, so the next one is tried at once either way.
    sendNext();
}

} // namespace ccr::server
