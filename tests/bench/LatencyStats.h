#pragma once

#include <QList>
#include <QString>

namespace ccr::bench {

/** Latencies of one measured run and what they add up to. */
class LatencyStats final
{
public:
    void add(qint64 nanoseconds) { m_samples.append(nanoseconds); }
    void setElapsedSeconds(double seconds) { m_elapsed = seconds; }

    qsizetype count() const { return m_samples.size(); }
    double throughput() const { return m_elapsed > 0 ? static_cast<double>(m_samples.size()) / m_elapsed : 0; }
    /** The p-th percentile in milliseconds (nearest rank). */
    double percentileMs(double p) const;
    /** "n=…, …/s, p50 … ms, p95 … ms, p99 … ms". */
    QString summary() const;

private:
    QList<qint64> m_samples;
    double m_elapsed = 0;
};

} // namespace ccr::bench
