#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace ccr::tests {

/** A mail as the sink received it, decoded by Python's email package. */
struct ReceivedMail
{
    QString from;
    QString to;
    QString subject;
    QString rawSubject;
    QString messageId;
    QString inReplyTo;
    QString references;
    QString autoSubmitted;
    QString contentType;
    QString text;
    QString html;
    int defects = 0;
};

/**
 * A real SMTP server (Debian's python3-aiosmtpd) on 127.0.0.1, started and stopped by the
 * test, by PID. Keeps its Maildir across restarts so tests can take it down and up again.
 */
class SmtpSink final
{
public:
    SmtpSink();
    ~SmtpSink();

    /** Starts on the given port (0: a free one); with TLS the sink requires STARTTLS. */
    bool start(quint16 port = 0, const QString& tlsCert = {}, const QString& tlsKey = {});
    void stop();
    quint16 port() const { return m_port; }
    /** From the next start(): every mail's DATA is answered only after this many seconds. */
    void setDataDelaySeconds(double seconds) { m_dataDelaySeconds = seconds; }

    QList<ReceivedMail> mails() const;
    /** Waits until at least count mails arrived; returns them. */
    QList<ReceivedMail> waitForMails(int count, int timeoutMs = 15000) const;
    QList<ReceivedMail> mailsTo(const QString& address) const;
    /**
     * The 6-digit code of the newest password reset mail to the address, once expectedMails
     * arrived in all; empty if none, or if a code also stands in a subject (admins see those).
     */
    QString latestResetCode(const QString& address, int expectedMails) const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    double m_dataDelaySeconds = 0;
};

} // namespace ccr::tests
