#include "LatencyStats.h"

#include <algorithm>
#include <cmath>

namespace ccr::bench {

double LatencyStats::percentileMs(double p) const
{
    if (m_samples.isEmpty())
        return 0;
    QList<qint64> sorted = m_samples;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = static_cast<qsizetype>(std::ceil(p / 100.0 * static_cast<double>(sorted.size()))) - 1;
    return static_cast<double>(sorted.at(std::clamp<qsizetype>(rank, 0, sorted.size() - 1))) / 1e6;
}

QString LatencyStats::summary() const
{
    return QStringLiteral("n=%1, %2/s, p50 %3 ms, p95 %4 ms, p99 %5 ms")
        .arg(count())
        .arg(throughput(), 0, 'f', 0)
        .arg(percentileMs(50), 0, 'f', 2)
        .arg(percentileMs(95), 0, 'f', 2)
        .arg(percentileMs(99), 0, 'f', 2);
}

} // namespace ccr::bench
