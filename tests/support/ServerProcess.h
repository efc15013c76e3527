#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <functional>

namespace ccr::tests {

/** The real ccr-server executable, started by a test and stopped (or killed) by its PID. */
class ServerProcess final
{
public:
    explicit ServerProcess(const QStringList& arguments, const QString& binary = QStringLiteral(CCR_SERVER_BINARY),
                           const std::function<void()>& inChild = {});
    ~ServerProcess();

    /** Reads output until the pattern matches; the match, or an invalid one on time-out or exit. */
    QRegularExpressionMatch waitForOutput(const QRegularExpression& pattern, int timeoutMs = 15000);
    /** Reads output until the listening and fingerprint lines; returns the port, 0 on failure. */
    quint16 waitListening();
    /** SIGTERM, then the exit code (-1 if it did not stop or crashed). */
    int terminate();
    /** SIGKILL: a crash as the operating system would cause it. */
    void kill();
    int waitExit();

    QProcess& process() { return m_process; }
    QString output() const { return m_output; }
    QString fingerprint() const { return m_fingerprint; }

private:
    QProcess m_process;
    QString m_output;
    QString m_fingerprint;
};

} // namespace ccr::tests
