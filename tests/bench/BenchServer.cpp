#include "BenchServer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include <csignal>

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
    const QString process = QStringLiteral("/proc/%1/task").arg(m_process.processId());
    const QStringList threads = requestThreadOnly ? QStringList{QString::number(m_process.processId())}
                                                  : QDir(process).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    qint64 nanoseconds = 0;
    for (const QString& thread : threads) {
        QFile schedstat(process + QLatin1Char('/') + thread + QStringLiteral("/schedstat"));
        // First field: time spent on the CPU, in nanoseconds.
        if (schedstat.open(QIODevice::ReadOnly))
            nanoseconds += schedstat.readAll().split(' ').constFirst().toLongLong();
    }
    return nanoseconds / 1000;
}

} // namespace ccr::bench
