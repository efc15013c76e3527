#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace ccr::server {

class Clock;

struct ThrottlePolicy
{
    int maxFailuresPerAccount = 5;
    int maxFailuresPerAddress = 20;
    int windowSeconds = 15 * 60;
};

/**
 * Counts failed sign-ins per account and per client address over a sliding window. Once
 * either count reaches its limit, further tries are refused until the oldest failure
 * leaves the window, even with the right password, so guessing gains nothing.
 */
class SignInThrottle final
{
public:
    SignInThrottle(const Clock& clock, ThrottlePolicy policy) : m_clock(clock), m_policy(policy) {}

    /** Seconds until a try is allowed again, 0 if allowed now. */
    qint64 retryAfterSeconds(const QString& account, const QString& address);
    /**
     * Counts a try as failed from the moment it starts, so a burst of parallel guesses is
     * limited as well as a sequence; recordSuccess() takes it back.
     */
    void recordFailure(const QString& account, const QString& address);
    /** Clears the account's failures and takes back the address's latest one. */
    void recordSuccess(const QString& account, const QString& address);

private:
    using Failures = QHash<QString, QList<QDateTime>>;
    qint64 blockedFor(Failures& failures, const QString& key, int limit, const QDateTime& now);
    void prune(Failures& failures, const QDateTime& now);

    const Clock& m_clock;
    ThrottlePolicy m_policy;
    Failures m_accountFailures;
    Failures m_addressFailures;
};

} // namespace ccr::server
