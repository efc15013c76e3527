#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace ccr::bench {

/** The real ccr-server, run as its own process on a fresh data directory, stopped by PID. */
class BenchServer final
{
public:
    /** dataDir empty: a fresh temporary directory; otherwise a directory kept between runs. */
    explicit BenchServer(QString binary, QString dataDir = {});
    ~BenchServer();

    /** Creates the bench accounts and the given number of tickets (ccr-server --seed-bench). */
    bool seed(qint64 tickets, const QString& password, const QString& durability);
    bool start(const QString& durability);
    void stop();

    quint16 port() const { return m_port; }
    QString fingerprint() const { return m_fingerprint; }
    qint64 pid() const { return m_process.processId(); }
    /** Resident memory of the server process, from /proc: VmRSS, or another field such as
     *  RssAnon (the process's own memory) or RssFile (mapped files: the program and its libraries). */
    qint64 residentKiB(const char* field = "VmRSS:") const;
    /**
     * CPU time the server has used so far, in microseconds: of the thread that answers
     * requests (the process's first; /proc/PID/task/PID/schedstat, in nanoseconds), or of the
     * whole process, threads that ended included (/proc/PID/stat, in clock ticks of 10 ms).
     */
    qint64 cpuMicros(bool requestThreadOnly) const;
    QString dataDir() const { return m_dataDir; }
    /** True when the data directory already holds a database (seeded by an earlier run). */
    bool hasData() const;

private:
    QString writeConfig(const QString& durability) const;

    QString m_binary;
    QTemporaryDir m_dir;
    QString m_dataDir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_fingerprint;
};

} // namespace ccr::bench
