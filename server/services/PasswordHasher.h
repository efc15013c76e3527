#pragma once

#include <QString>

namespace ccr::server {

/** scrypt cost: N = 2^log2N, block size r, parallelism p (RFC 7914). */
struct ScryptCost
{
    int log2N = 15;
    int r = 8;
    int p = 1;
};

/**
 * Hashes and verifies passwords with scrypt from OpenSSL. The encoded form carries its own
 * cost and salt ("scrypt$15$8$1$<salt>$<hash>", base64), so the cost can be raised later
 * without invalidating stored hashes. Thread-safe: called from worker threads.
 */
class PasswordHasher final
{
public:
    explicit PasswordHasher(ScryptCost cost = {}) : m_cost(cost) {}

    QString hash(const QString& password) const;
    /** Constant-time comparison; false for a malformed encoding. */
    static bool verify(const QString& password, const QString& encoded);

    ScryptCost cost() const { return m_cost; }

private:
    ScryptCost m_cost;
};

} // namespace ccr::server
