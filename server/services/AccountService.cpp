#include "AccountService.h"

#include "Clock.h"
#include "HashWorker.h"
#include "Notifier.h"
#include "ServiceLog.h"
#include "SessionTokens.h"
#include "TwoFactorService.h"
#include "common/Validation.h"
#include "store/Database.h"
#include "store/Transaction.h"

namespace ccr::server {

using common::Error;
using common::ErrorCode;
using common::Role;
using common::SessionEndReason;
using common::UserInfo;
using common::UserState;
namespace Validation = common::Validation;

namespace {

Error internalError()
{
    return Error(ErrorCode::Internal, QStringLiteral("The change could not be saved."));
}

} // namespace

AccountService::AccountService(Database& database, UserStore& users, const Clock& clock, AccountPolicy policy,
                               HashWorker& hashes, Notifier& notifier, TwoFactorService& twoFactor, QObject* parent)
    : QObject(parent), m_database(database), m_clock(clock), m_policy(policy), m_users(users), m_sessions(database),
      m_adminRequests(database), m_hashes(hashes), m_notifier(notifier), m_twoFactor(twoFactor),
      m_throttle(clock, policy.throttle)
{
    // Unknown emails are verified against this so they take as long as known ones.
    m_dummyHash = m_hashes.hashNow(SessionTokens::generate());
}

void AccountService::registerUser(const common::RegisterParams& params, Done<UserInfo> done)
{
    const auto problems =
        Validation::checkRegistration(params.email, params.displayName, params.password, params.passwordConfirmation);
    if (!problems.isEmpty())
        return done(common::validationError(problems));
    NewAccount account{Validation::normalizeEmail(params.email),
                       params.displayName.trimmed(),
                       params.password,
                       params.requestAdmin ? Role::Admin : Role::Customer,
                       params.requestAdmin ? UserState::PendingApproval : UserState::Active,
                       params.locale};
    createAccount(account, std::move(done));
}

void AccountService::createAgent(const common::CreateAgentParams& params, Done<UserInfo> done)
{
    const auto problems =
        Validation::checkRegistration(params.email, params.displayName, params.password, params.password);
    if (!problems.isEmpty())
        return done(common::validationError(problems));
    createAccount({Validation::normalizeEmail(params.email),
                   params.displayName.trimmed(),
                   params.password,
                   Role::Agent,
                   UserState::Active,
                   {}},
                  std::move(done));
}

void AccountService::createAccount(const NewAccount& account, Done<UserInfo> done)
{
    // Checked before hashing so a taken address costs no scrypt; the UNIQUE index settles races.
    if (m_users.findByEmail(account.email))
        return done(Error(ErrorCode::EmailTaken));
    if (m_hashes.saturated())
        return done(Error(ErrorCode::Unavailable, QStringLiteral("The server is busy; try again in a moment.")));
    m_hashes.hash(account.password, this, [this, account, done = std::move(done)](const QString& hash) {
        done(insertAccount(account, hash, true));
    });
}

common::Result<UserInfo> AccountService::insertAccount(const NewAccount& account, const QString& passwordHash,
                                                       bool notify)
{
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return internalError();
    UserRecord record;
    record.email = account.email;
    record.displayName = account.displayName;
    record.role = account.role;
    record.state = account.state;
    record.passwordHash = passwordHash;
    record.locale = account.locale;
    record.createdAt = m_clock.now();
    auto id = m_users.insert(record);
    if (!id)
        return id.error();
    record.id = id.value();
    const bool isAdminRequest = account.state == UserState::PendingApproval;
    if (isAdminRequest && !m_adminRequests.insert(record.id, record.createdAt))
        return internalError();
    if (notify) {
        const UserInfo created = record.toUserInfo();
        const auto queued = isAdminRequest               ? m_notifier.adminRequestReceived(created)
                            : record.role == Role::Agent ? m_notifier.agentCreated(created)
                                                         : m_notifier.welcome(created);
        if (!queued)
            return internalError();
    }
    if (!transaction.commit())
        return internalError();
    qCInfo(lcAccounts) << "account created:" << record.id << common::roleName(record.role)
                       << common::userStateName(record.state);
    const UserInfo info = record.toUserInfo();
    if (isAdminRequest)
        Q_EMIT adminRequestCreated(info);
    return info;
}

common::Result<UserInfo> AccountService::createUserNow(const QString& email, const QString& displayName,
                                                       const QString& password, Role role)
{
    const auto problems = Validation::checkRegistration(email, displayName, password, password);
    if (!problems.isEmpty())
        return common::validationError(problems);
    return insertAccount(
        {Validation::normalizeEmail(email), displayName.trimmed(), password, role, UserState::Active, {}},
        m_hashes.hashNow(password), false);
}

bool AccountService::hasUsers() const
{
    return m_users.count() > 0;
}

void AccountService::signIn(const common::SignInParams& params, const QString& clientAddress, Done<SessionGrant> done)
{
    const QString email = Validation::normalizeEmail(params.email);
    if (const qint64 wait = m_throttle.retryAfterSeconds(email, clientAddress); wait > 0) {
        qCInfo(lcAccounts) << "sign-in throttled for" << wait << "s from" << clientAddress;
        QCborMap details;
        details.insert(QLatin1String("retryAfterSeconds"), wait);
        return done(Error(ErrorCode::TooManyAttempts, {}, details));
    }
    if (m_hashes.saturated())
        return done(Error(ErrorCode::Unavailable, QStringLiteral("The server is busy; try again in a moment.")));
    const auto user = m_users.findByEmail(email);
    const QString storedHash = user ? user->passwordHash : m_dummyHash;
    m_throttle.recordFailure(email, clientAddress);
    m_hashes.verify(params.password, storedHash, this,
                    [this, email, clientAddress, userId = user ? user->id : 0, totp = params.totpCode,
                     recovery = params.recoveryCode, done = std::move(done)](bool matches) {
                        // Re-read: the account may have changed while the hash was computed.
                        const auto current = userId ? m_users.findById(userId) : std::nullopt;
                        if (!matches || !current)
                            return done(Error(ErrorCode::InvalidCredentials));
                        if (current->state != UserState::Active) {
                            m_throttle.recordSuccess(email, clientAddress);
                            return done(Error(current->state == UserState::PendingApproval
                                                  ? ErrorCode::AccountPending
                                                  : ErrorCode::AccountDisabled));
                        }
                        // The attempt stays counted as failed until the second factor passed too, so
                        // guessing codes is throttled per account like guessing passwords.
                        if (auto second = m_twoFactor.checkSignIn(current->id, totp, recovery); !second)
                            return done(second.error());
                        m_throttle.recordSuccess(email, clientAddress);
                        done(openSession(*current, clientAddress));
                    });
}

common::Result<SessionGrant> AccountService::openSession(const UserRecord& user, const QString& clientAddress)
{
    const QDateTime now = m_clock.now();
    SessionRecord session;
    session.userId = user.id;
    const QString token = SessionTokens::generate();
    session.tokenHash = SessionTokens::hash(token);
    session.createdAt = now;
    session.expiresAt = now.addSecs(m_policy.sessionTtlSeconds);
    session.clientAddress = clientAddress;

    Transaction transaction(m_database);
    if (!transaction.isActive())
        return internalError();
    auto id = m_sessions.insert(session);
    if (!id || !m_users.setLastSignIn(user.id, now) || !transaction.commit())
        return internalError();
    UserRecord signedIn = user;
    signedIn.lastSignInAt = now;
    qCInfo(lcAccounts) << "signed in: user" << user.id << "session" << id.value();
    return SessionGrant{{token, session.expiresAt, signedIn.toUserInfo(), m_twoFactor.setupRequired(user)}, id.value()};
}

common::Result<SessionGrant> AccountService::resume(const QString& token)
{
    const auto session = m_sessions.findByTokenHash(SessionTokens::hash(token));
    if (!session)
        return Error(ErrorCode::SessionExpired);
    if (session->expiresAt <= m_clock.now()) {
        if (!m_sessions.remove(session->id))
            qCWarning(lcAccounts) << "could not remove expired session" << session->id;
        return Error(ErrorCode::SessionExpired);
    }
    const auto user = m_users.findById(session->userId);
    if (!user || user->state == UserState::Disabled)
        return Error(ErrorCode::AccountDisabled);
    if (user->state == UserState::PendingApproval)
        return Error(ErrorCode::AccountPending);
    return SessionGrant{{{}, session->expiresAt, user->toUserInfo(), m_twoFactor.setupRequired(*user)}, session->id};
}

common::Result<void> AccountService::signOut(qint64 sessionId)
{
    if (!m_sessions.remove(sessionId))
        return internalError();
    qCInfo(lcAccounts) << "signed out: session" << sessionId;
    Q_EMIT sessionsEnded({sessionId}, SessionEndReason::SignedOut);
    return {};
}

common::Result<UserRecord> AccountService::userRecord(qint64 userId) const
{
    auto record = m_users.findById(userId);
    if (!record)
        return Error(ErrorCode::NotFound);
    return *record;
}

common::Result<UserInfo> AccountService::user(qint64 userId) const
{
    const auto record = m_users.findById(userId);
    if (!record)
        return Error(ErrorCode::NotFound);
    return record->toUserInfo();
}

common::Result<QList<UserInfo>> AccountService::listUsers(const common::ListUsersParams& params) const
{
    auto records = m_users.list(params.role, params.state);
    if (!records)
        return records.error();
    QList<UserInfo> users;
    users.reserve(records.value().size());
    for (const auto& record : records.value())
        users.append(record.toUserInfo());
    return users;
}

qint64 AccountService::purgeExpiredSessions()
{
    const qint64 purged = m_sessions.removeExpired(m_clock.now());
    if (purged > 0)
        qCInfo(lcAccounts) << "removed" << purged << "expired sessions";
    return purged;
}

common::Result<UserInfo> AccountService::decideAdminRequest(qint64 actorId,
                                                            const common::DecideAdminRequestParams& params)
{
    auto record = m_users.findById(params.userId);
    if (!record)
        return Error(ErrorCode::NotFound);
    if (record->role != Role::Admin || record->state != UserState::PendingApproval)
        return Error(ErrorCode::Conflict, QStringLiteral("This account has no open admin request."));
    // A declined requester keeps a working account, as a customer.
    record->role = params.approve ? Role::Admin : Role::Customer;
    record->state = UserState::Active;

    Transaction transaction(m_database);
    if (!transaction.isActive())
        return internalError();
    if (auto decided = m_adminRequests.decide(record->id, actorId, params.approve, m_clock.now()); !decided)
        return decided.error();
    if (!m_users.setRoleAndState(record->id, record->role, record->state) ||
        !m_notifier.adminRequestDecided(record->toUserInfo(), params.approve) || !transaction.commit())
        return internalError();
    qCInfo(lcAccounts) << "admin request of user" << record->id << (params.approve ? "approved" : "rejected") << "by"
                       << actorId;
    return record->toUserInfo();
}

common::Result<UserInfo> AccountService::setUserState(qint64 actorId, const common::SetUserStateParams& params)
{
    if (params.state == UserState::PendingApproval)
        return Error(ErrorCode::InvalidParams, QStringLiteral("An account can only be set active or disabled."));
    if (params.userId == actorId)
        return Error(ErrorCode::PermissionDenied, QStringLiteral("You cannot change the state of your own account."));
    auto record = m_users.findById(params.userId);
    if (!record)
        return Error(ErrorCode::NotFound);
    if (record->state == UserState::PendingApproval)
        return Error(ErrorCode::Conflict, QStringLiteral("Decide this account's admin request instead."));
    record->state = params.state;

    Transaction transaction(m_database);
    if (!transaction.isActive())
        return internalError();
    if (!m_users.setRoleAndState(record->id, record->role, record->state))
        return internalError();
    auto ended = params.state == UserState::Disabled ? m_sessions.removeAllForUser(record->id)
                                                     : common::Result<QList<qint64>>(QList<qint64>{});
    if (!ended || !transaction.commit())
        return internalError();
    qCInfo(lcAccounts) << "user" << record->id << "set" << common::userStateName(record->state) << "by" << actorId;
    if (!ended.value().isEmpty())
        Q_EMIT sessionsEnded(ended.value(), SessionEndReason::AccountDisabled);
    return record->toUserInfo();
}

} // namespace ccr::server
