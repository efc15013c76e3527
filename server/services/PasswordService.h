#pragma once

#include "common/Result.h"
#include "common/SessionEndReason.h"
#include "common/account/ChangePasswordParams.h"
#include "common/account/ResetPasswordParams.h"

#include <QObject>
#include <functional>

namespace ccr::server {

class Clock;
class Database;
class HashWorker;
class Notifier;
class PasswordResetStore;
class ServerSecret;
class SessionStore;
class UserStore;
struct UserRecord;

/**
 * Forgotten and changed passwords. A reset sends a 6-digit code by mail, kept only as a
 * keyed hash, valid 15 minutes and for 5 tries, at most 3 codes an hour per account; the
 * answer to a request never tells whether the address is registered. Setting a new
 * password ends every session of the account and mails the owner.
 */
class PasswordService final : public QObject
{
    Q_OBJECT
public:
    struct Stores
    {
        Database& database;
        UserStore& users;
        SessionStore& sessions;
        PasswordResetStore& resets;
    };

    PasswordService(Stores stores, HashWorker& hashes, Notifier& notifier, const ServerSecret& secret,
                    const Clock& clock, QObject* parent = nullptr);

    common::Result<void> requestReset(const QString& email);
    void resetPassword(const common::ResetPasswordParams& params, std::function<void(common::Result<void>)> done);
    /** Keeps the caller's own session; every other session of the account ends. */
    void changePassword(qint64 userId, qint64 currentSessionId, const common::ChangePasswordParams& params,
                        std::function<void(common::Result<void>)> done);

    static constexpr int kCodeValidMinutes = 15;
    static constexpr int kMaxCodeAttempts = 5;
    static constexpr int kMaxRequestsPerHour = 3;

Q_SIGNALS:
    void sessionsEnded(const QList<qint64>& sessionIds, ccr::common::SessionEndReason reason);

private:
    /** Stores the new hash, ends the sessions and queues the security mail, in one transaction. */
    common::Result<void> replacePassword(const UserRecord& user, const QString& hash, qint64 keepSessionId = 0);
    QByteArray codeHash(qint64 userId, const QString& code) const;

    Stores m_stores;
    HashWorker& m_hashes;
    Notifier& m_notifier;
    const ServerSecret& m_secret;
    const Clock& m_clock;
};

} // namespace ccr::server
