#include "ServerProcess.h"

#include <QDeadlineTimer>

#include <csignal>

namespace ccr::tests {

ServerProcess::ServerProcess(const QStringList& arguments, const QString& binary, const std::function<void()>& inChild)
{
    // Runs between fork and exec: limits or another user for this server only.
    if (inChild)
        m_process.setChildProcessModifier(inChild);
    m_process.setProgram(binary);
    m_process.setArguments(arguments);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start();
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QRegularExpressionMatch ServerProcess::waitForOutput(const QRegularExpression& pattern, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        m_output += QString::fromUtf8(m_process.readAll());
        auto match = pattern.match(m_output);
        if (match.hasMatch() || deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
            return match;
        m_process.waitForReadyRead(100);
    }
}

quint16 ServerProcess::waitListening()
{
    static const QRegularExpression fingerprint(QStringLiteral("fingerprint: ([0-9A-F:]{95})"));
    static const QRegularExpression listening(QStringLiteral("listening on \\S+ port (\\d+)"));
    const auto print = waitForOutput(fingerprint);
    if (!print.hasMatch())
        return 0;
    m_fingerprint = print.captured(1);
    return static_cast<quint16>(listening.match(m_output).captured(1).toUInt());
}

int ServerProcess::terminate()
{
    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(10000))
        return -1;
    m_output += QString::fromUtf8(m_process.readAll());
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ServerProcess::kill()
{
    ::kill(static_cast<pid_t>(m_process.processId()), SIGKILL);
    m_process.waitForFinished(10000);
}

int ServerProcess::waitExit()
{
    if (!m_process.waitForFinished(15000))
        return -1;
    m_output += QString::fromUtf8(m_process.readAll());
    return m_process.exitCode();
}

} // namespace ccr::tests
