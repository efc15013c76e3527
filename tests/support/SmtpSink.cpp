#include "SmtpSink.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

namespace ccr::tests {

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kScripts = QStringLiteral(CCR_TEST_SUPPORT_DIR);

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

SmtpSink::SmtpSink() = default;

SmtpSink::~SmtpSink()
{
    stop();
}

bool SmtpSink::start(quint16 port, const QString& tlsCert, const QString& tlsKey)
{
    m_port = port ? port : (m_port ? m_port : freePort());
    QStringList arguments{kScripts + QStringLiteral("/smtp_sink.py"), QStringLiteral("--port"), QString::number(m_port),
                          QStringLiteral("--maildir"), m_dir.filePath(QStringLiteral("maildir"))};
    if (!tlsCert.isEmpty())
        arguments << QStringLiteral("--tls-cert") << tlsCert << QStringLiteral("--tls-key") << tlsKey;
    if (m_dataDelaySeconds > 0)
        arguments << QStringLiteral("--data-delay") << QString::number(m_dataDelaySeconds);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(kPython, arguments);
    if (!m_process.waitForStarted(5000))
        return false;
    QByteArray output;
    QDeadlineTimer deadline(10000);
    while (!output.contains("ready") && !deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        output += m_process.readAllStandardOutput();
    }
    return output.contains("ready");
}

void SmtpSink::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // SIGTERM to the sink's PID
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QList<ReceivedMail> SmtpSink::mails() const
{
    QProcess dump;
    dump.start(kPython, {kScripts + QStringLiteral("/mail_dump.py"), m_dir.filePath(QStringLiteral("maildir"))});
    if (!dump.waitForFinished(10000))
        return {};
    QList<ReceivedMail> mails;
    const auto array = QJsonDocument::fromJson(dump.readAllStandardOutput()).array();
    for (const auto& value : array) {
        const QJsonObject object = value.toObject();
        auto text = [&object](const char* key) { return object.value(QLatin1String(key)).toString(); };
        mails.append({text("from"), text("to"), text("subject"), text("rawSubject"), text("messageId"),
                      text("inReplyTo"), text("references"), text("autoSubmitted"), text("contentType"), text("text"),
                      text("html"), object.value(QLatin1String("defects")).toInt()});
    }
    return mails;
}

QString SmtpSink::latestResetCode(const QString& address, int expectedMails) const
{
    static const QRegularExpression code(QStringLiteral("^(\\d{6})$"), QRegularExpression::MultilineOption);
    waitForMails(expectedMails);
    QString found;
    for (const auto& mail : mailsTo(address)) {
        const auto match = code.match(mail.text);
        if (mail.subject == QLatin1String("Your password reset code") && match.hasMatch())
            found = match.captured(1); // Maildir order is arbitrary; the tests ask one code at a time
        if (match.hasMatch() && mail.subject.contains(match.captured(1)))
            return {};
    }
    return found;
}

QList<ReceivedMail> SmtpSink::waitForMails(int count, int timeoutMs) const
{
    QList<ReceivedMail> received;
    [[maybe_unused]] const bool arrived = QTest::qWaitFor(
        [&] {
            received = mails();
            return received.size() >= count;
        },
        timeoutMs);
    return received;
}

QList<ReceivedMail> SmtpSink::mailsTo(const QString& address) const
{
    QList<ReceivedMail> matching;
    for (const auto& mail : mails()) {
        if (mail.to.contains(address, Qt::CaseInsensitive))
            matching.append(mail);
    }
    return matching;
}

} // namespace ccr::tests
