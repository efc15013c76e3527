#pragma once

#include "AccountPolicy.h"
#include "SessionGrant.h"
#include "SignInThrottle.h"
#include "common/Result.h"
#include "common/SessionEndReason.h"
#include "common/messages/CreateAgentParams.h"
#include "common/messages/DecideAdminRequestParams.h"
#include "common/messages/ListUsersParams.h"
#include "common/messages/RegisterParams.h"
#include "common/messages/SetUserStateParams.h"
#include "common/messages/SignInParams.h"
#include "common/messages/UserInfo.h"
#include "store/AdminRequestStore.h"
#include "store/SessionStore.h"
#include "store/UserStore.h"

#include <QObject>
#include <functional>

namespace ccr::server {

class Clock;
class Database;
class HashWorker;
class Notifier;
class TwoFactorService;

/**
 * Accounts and sessions: registration, sign-in with throttling, session tokens, admin
 * requests and agent accounts. Password hashing runs on a worker pool so a sign-in never
 * stalls other clients; everything that touches the database runs on the caller's thread.
 */
class AccountService final : public QObject
{
    Q_OBJECT
public:
    template <typename T> using Done = std::function<void(common::Result<T>)>;

    AccountService(Database& database, UserStore& users, const Clock& clock, AccountPolicy policy, HashWorker& hashes,
                   Notifier& notifier, TwoFactorService& twoFactor, QObject* parent = nullptr);

    void registerUser(const common::RegisterParams& params, Done<common::UserInfo> done);
    void signIn(const common::SignInParams& params, const QString& clientAddress, Done<SessionGrant> done);
    common::Result<SessionGrant> resume(const QString& token);
    common::Result<void> signOut(qint64 sessionId);
    common::Result<common::UserInfo> user(qint64 userId) const;
    common::Result<UserRecord> userRecord(qint64 userId) const;

    void createAgent(const common::CreateAgentParams& params, Done<common::UserInfo> done);
    common::Result<QList<common::UserInfo>> listUsers(const common::ListUsersParams& params) const;
    /** Deletes sessions past their expiry; the server calls it periodically. */
    qint64 purgeExpiredSessions();
    common::Result<common::UserInfo> decideAdminRequest(qint64 actorId, const common::DecideAdminRequestParams& params);
    common::Result<common::UserInfo> setUserState(qint64 actorId, const common::SetUserStateParams& params);

    /** An active account of any role, hashed on the calling thread (bootstrap and demo data). */
    common::Result<common::UserInfo> createUserNow(const QString& email, const QString& displayName,
                                                   const QString& password, common::Role role);
    bool hasUsers() const;

Q_SIGNALS:
    void adminRequestCreated(const ccr::common::UserInfo& user);
    void sessionsEnded(const QList<qint64>& sessionIds, ccr::common::SessionEndReason reason);

private:
    struct NewAccount
    {
        QString email;
        QString displayName;
        QString password;
        common::Role role = common::Role::Customer;
        common::UserState state = common::UserState::Active;
        QString locale;
    };

    void createAccount(const NewAccount& account, Done<common::UserInfo> done);
    /** notify: queue the welcome / agent-created / admin-request mail (not for bootstrap and demo data). */
    common::Result<common::UserInfo> insertAccount(const NewAccount& account, const QString& passwordHash, bool notify);
    common::Result<SessionGrant> openSession(const UserRecord& user, const QString& clientAddress);

    Database& m_database;
    const Clock& m_clock;
    AccountPolicy m_policy;
    UserStore& m_users;
    SessionStore m_sessions;
    AdminRequestStore m_adminRequests;
    HashWorker& m_hashes;
    Notifier& m_notifier;
    TwoFactorService& m_twoFactor;
    SignInThrottle m_throttle;
    QString m_dummyHash;
};

} // namespace ccr::server
