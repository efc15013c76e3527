#include "SignInThrottle.h"

#include "Clock.h"

#include <algorithm>

namespace ccr::server {

namespace {

// Bounds memory under a flood of distinct made-up accounts: past this, stale keys are pruned.
constexpr qsizetype kPruneThreshold = 10000;

} // namespace

qint64 SignInThrottle::retryAfterSeconds(const QString& account, const QString& address)
{
    const QDateTime now = m_clock.now();
    return std::max(blockedFor(m_accountFailures, account, m_policy.maxFailuresPerAccount, now),
                    blockedFor(m_addressFailures, address, m_policy.maxFailuresPerAddress, now));
}

void SignInThrottle::recordFailure(const QString& account, const QString& address)
{
    const QDateTime now = m_clock.now();
    for (auto* failures : {&m_accountFailures, &m_addressFailures}) {
        if (failures->size() > kPruneThreshold)
            prune(*failures, now);
    }
    m_accountFailures[account].append(now);
    m_addressFailures[address].append(now);
}

void SignInThrottle::recordSuccess(const QString& account, const QString& address)
{
    m_accountFailures.remove(account);
    auto it = m_addressFailures.find(address);
    if (it != m_addressFailures.end() && !it.value().isEmpty())
        it.value().removeLast();
}

qint64 SignInThrottle::blockedFor(Failures& failures, const QString& key, int limit, const QDateTime& now)
{
    auto it = failures.find(key);
    if (it == failures.end())
        return 0;
    const QDateTime windowStart = now.addSecs(-m_policy.windowSeconds);
    auto& times = it.value();
    times.erase(std::remove_if(times.begin(), times.end(), [&](const QDateTime& t) { return t <= windowStart; }),
                times.end());
    if (times.isEmpty()) {
        failures.erase(it);
        return 0;
    }
    if (times.size() < limit)
        return 0;
    // Allowed again once enough failures have aged out to drop below the limit.
    const QDateTime& releasing = times.at(times.size() - limit);
    return std::max<qint64>(1, now.secsTo(releasing.addSecs(m_policy.windowSeconds)));
}

void SignInThrottle::prune(Failures& failures, const QDateTime& now)
{
    const QDateTime windowStart = now.addSecs(-m_policy.windowSeconds);
    for (auto it = failures.begin(); it != failures.end();) {
        if (it.value().isEmpty() || it.value().last() <= windowStart)
            it = failures.erase(it);
        else
            ++it;
    }
}

} // namespace ccr::server
