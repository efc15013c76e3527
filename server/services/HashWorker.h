#pragma once

#include "PasswordHasher.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <functional>

namespace ccr::server {

/**
 * Runs scrypt off the server's thread: a sign-in or registration costs ~0.1 s of CPU, which
 * must not stall every other client. Results come back on the server's thread, and only
 * while the given context object still exists. A bounded queue turns floods into
 * "busy" answers instead of unbounded waits.
 */
class HashWorker final : public QObject
{
    Q_OBJECT
public:
    explicit HashWorker(ScryptCost cost, QObject* parent = nullptr);
    ~HashWorker() override;

    /** True when the queue is full; callers answer "busy" instead of queuing. */
    bool saturated() const { return m_pending >= kMaxPending; }

    void hash(const QString& password, QObject* context, std::function<void(const QString&)> done);
    void verify(const QString& password, const QString& encoded, QObject* context, std::function<void(bool)> done);
    /** Hashes on the calling thread (command-line bootstrap, demo data). */
    QString hashNow(const QString& password) const { return m_hasher.hash(password); }

    static constexpr int kMaxPending = 256;

private:
    template <typename T> void run(std::function<T()> work, QObject* context, std::function<void(const T&)> done);

    PasswordHasher m_hasher;
    int m_pending = 0;
    // Last member: destroyed first, waiting for hashes in progress.
    QThreadPool m_pool;
};

} // namespace ccr::server
