#include "BenchServer.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include <csignal>
#include <unistd.h>

namespace ccr::bench {

BenchServer::BenchServer(QString binary, QString dataDir)
    : m_binary(std::move(binary)), m_dataDir(dataDir.isEmpty() ? m_dir.filePath(QStringLiteral("data")) : dataDir)
{}

bool BenchServer::hasData() const
{
    return QFile::exists(m_dataDir + QStringLiteral("/ccr.sqlite3"));
}

BenchServer::~BenchServer()
{
    stop();
}

QString BenchServer::writeConfig(const QString& durability) const
{
    const QString path = m_dir.filePath(QStringLiteral("bench.ini"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        QTextStream out(&file);
        out << "[server]\ndurability=" << durability << "\nlog_level=warning\n"
            << "[accounts]\nmax_failed_sign_ins_per_address=100000\n";
    }
    return path;
}

bool BenchServer::seed(qint64 tickets, const QString& password, const QString& durability)
{
    QProcess seeder;
    seeder.setProcessChannelMode(QProcess::ForwardedChannels);
    seeder.start(m_binary, {QStringLiteral("--config"), writeConfig(durability), QStringLiteral("--data-dir"),
                            m_dataDir, QStringLiteral("--seed-bench"), QString::number(tickets)});
    seeder.write(password.toUtf8() + '\n');
    seeder.closeWriteChannel();
    return seeder.waitForFinished(-1) && seeder.exitStatus() == QProcess::NormalExit && seeder.exitCode() == 0;
}

bool BenchServer::start(const QString& durability)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(m_binary, {QStringLiteral("--config"), writeConfig(durability), QStringLiteral("--data-dir"),
                               m_dataDir, QStringLiteral("--port"), QStringLiteral("0")});
    static const QRegularExpression listening(QStringLiteral("port (\\d+)"));
    static const QRegularExpression fingerprint(QStringLiteral("fingerprint: ([0-9A-F:]{95})"));
    QString output;
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
        m_process.waitForReadyRead(100);
        output += QString::fromUtf8(m_process.readAll());
        const auto print = fingerprint.match(output);
        if (print.hasMatch()) {
            m_fingerprint = print.captured(1);
            m_port = static_cast<quint16>(listening.match(output).captured(1).toUInt());
            return true;
        }
    }
    qWarning().noquote() << "server did not start:" << output;
    return false;
}

void BenchServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

qint64 BenchServer::residentKiB(const char* field) const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').constFirst().toLongLong();
    }
    return 0;
}

qint64 BenchServer::cpuMicros(bool requestThreadOnly) const
{
    const qint64 pid = m_process.processId();
    if (requestThreadOnly) {
        // The first thread's time on the CPU, in nanoseconds (the first field).
        QFile schedstat(QStringLiteral("/proc/%1/task/%1/schedstat").arg(pid));
        if (!schedstat.open(QIODevice::ReadOnly))
            return 0;
        return schedstat.readAll().split(' ').constFirst().toLongLong() / 1000;
    }
    // The whole process, threads that already ended included: user and system time in clock
    // ticks, the 14th and 15th fields (counted after the command name, which may hold spaces).
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
    return ticks * 1000000 / sysconf(_SC_CLK_TCK);
}

} // namespace ccr::bench
