#include "PasswordService.h"

#include "Clock.h"
#include "HashWorker.h"
#include "Notifier.h"
#include "ServerSecret.h"
#include "ServiceLog.h"
#include "common/Validation.h"
#include "store/Database.h"
#include "store/PasswordResetStore.h"
#include "store/SessionStore.h"
#include "store/Transaction.h"
#include "store/UserStore.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace ccr::server {

using common::Error;
using common::ErrorCode;
namespace Validation = common::Validation;

namespace {

Error wrongCode()
{
    return Error(ErrorCode::InvalidCredentials, QStringLiteral("The code is wrong or has expired; ask for a new one."));
}

/** Six digits, uniformly: bytes past the largest multiple of 10^6 are drawn again. */
QString randomCode()
{
    constexpr quint32 kRange = 1000000;
    constexpr quint32 kLimit = 0xFFFFFFFFU - (0xFFFFFFFFU % kRange);
    quint32 value = 0;
    do {
        if (RAND_bytes(reinterpret_cast<unsigned char*>(&value), sizeof value) != 1)
            qFatal("no secure randomness for a reset code");
    } while (value >= kLimit);
    return QStringLiteral("%1").arg(value % kRange, 6, 10, QLatin1Char('0'));
}

std::optional<Error> checkNewPassword(const QString& password, const QString& confirmation, const QString& email)
{
    const auto problems = Validation::checkNewPassword(password, confirmation, email);
    if (problems.isEmpty())
        return std::nullopt;
    return common::validationError(problems);
}

} // namespace

PasswordService::PasswordService(Stores stores, HashWorker& hashes, Notifier& notifier, const ServerSecret& secret,
                                 const Clock& clock, QObject* parent)
    : QObject(parent), m_stores(stores), m_hashes(hashes), m_notifier(notifier), m_secret(secret), m_clock(clock)
{}

QByteArray PasswordService::codeHash(qint64 userId, const QString& code) const
{
    return m_secret.mac(QByteArray::number(userId) + ':' + code.toLatin1());
}

common::Result<void> PasswordService::requestReset(const QString& email)
{
    const auto user = m_stores.users.findByEmail(Validation::normalizeEmail(email));
    if (!user || user->state != common::UserState::Active)
        return {};
    const QDateTime now = m_clock.now();
    if (m_stores.resets.requestsSince(user->id, now.addSecs(-3600)) >= kMaxRequestsPerHour) {
        qCInfo(lcAccounts) << "password reset for user" << user->id << "refused: too many requests this hour";
        return {};
    }
    const QString code = randomCode();
    Transaction transaction(m_stores.database);
    if (!transaction.isActive() ||
        !m_stores.resets.insert(user->id, codeHash(user->id, code), now, now.addSecs(kCodeValidMinutes * 60)) ||
        !m_notifier.passwordResetCode(user->toUserInfo(), code, kCodeValidMinutes) || !transaction.commit())
        return Error(ErrorCode::Internal, QStringLiteral("The reset could not be started."));
    qCInfo(lcAccounts) << "password reset code sent to user" << user->id;
    return {};
}

void PasswordService::resetPassword(const common::ResetPasswordParams& params,
                                    std::function<void(common::Result<void>)> done)
{
    // The code is checked before anything else, so unknown and known addresses answer alike.
    const auto user = m_stores.users.findByEmail(Validation::normalizeEmail(params.email));
    if (!user)
        return done(wrongCode());
    const auto reset = m_stores.resets.latestOpen(user->id);
    if (!reset || reset->expiresAt <= m_clock.now())
        return done(wrongCode());
    if (reset->attempts >= kMaxCodeAttempts)
        return done(Error(ErrorCode::TooManyAttempts, QStringLiteral("Too many wrong codes; ask for a new one.")));
    const QByteArray expected = codeHash(user->id, params.code.trimmed());
    if (expected.size() != reset->codeHash.size() ||
        CRYPTO_memcmp(expected.constData(), reset->codeHash.constData(), static_cast<size_t>(expected.size())) != 0) {
        if (!m_stores.resets.countAttempt(reset->id))
            qCWarning(lcAccounts) << "could not count a wrong reset code";
        return done(wrongCode());
    }
    if (auto problem = checkNewPassword(params.newPassword, params.newPasswordConfirmation, user->email))
        return done(*problem);
    if (m_hashes.saturated())
        return done(Error(ErrorCode::Unavailable, QStringLiteral("The server is busy; try again in a moment.")));
    // Used up now, before the slow hash, so a second request with the same code cannot also succeed.
    if (!m_stores.resets.closeAll(user->id))
        return done(Error(ErrorCode::Internal, QStringLiteral("The password could not be changed.")));
    m_hashes.hash(params.newPassword, this, [this, userId = user->id, done](const QString& hash) {
        const auto current = m_stores.users.findById(userId);
        if (!current)
            return done(wrongCode());
        done(replacePassword(*current, hash));
    });
}

void PasswordService::changePassword(qint64 userId, qint64 currentSessionId, const common::ChangePasswordParams& params,
                                     std::function<void(common::Result<void>)> done)
{
    const auto user = m_stores.users.findById(userId);
    if (!user)
        return done(Error(ErrorCode::NotFound));
    if (auto problem = checkNewPassword(params.newPassword, params.newPasswordConfirmation, user->email))
        return done(*problem);
    if (m_hashes.saturated())
        return done(Error(ErrorCode::Unavailable, QStringLiteral("The server is busy; try again in a moment.")));
    m_hashes.verify(
        params.currentPassword, user->passwordHash, this,
        [this, userId, currentSessionId, newPassword = params.newPassword, done](bool matches) {
            if (!matches)
                return done(Error(ErrorCode::InvalidCredentials, QStringLiteral("The current password is wrong.")));
            if (m_hashes.saturated())
                return done(
                    Error(ErrorCode::Unavailable, QStringLiteral("The server is busy; try again in a moment.")));
            m_hashes.hash(newPassword, this, [this, userId, currentSessionId, done](const QString& hash) {
                const auto current = m_stores.users.findById(userId);
                if (!current)
                    return done(Error(ErrorCode::NotFound));
                done(replacePassword(*current, hash, currentSessionId));
            });
        });
}

common::Result<void> PasswordService::replacePassword(const UserRecord& user, const QString& hash, qint64 keepSessionId)
{
    Transaction transaction(m_stores.database);
    if (!transaction.isActive())
        return Error(ErrorCode::Internal, QStringLiteral("The password could not be changed."));
    auto ended = m_stores.sessions.removeAllForUser(user.id, keepSessionId);
    if (!m_stores.users.setPasswordHash(user.id, hash) || !ended || !m_stores.resets.closeAll(user.id) ||
        !m_notifier.passwordChanged(user.toUserInfo()) || !transaction.commit())
        return Error(ErrorCode::Internal, QStringLiteral("The password could not be changed."));
    qCInfo(lcAccounts) << "password of user" << user.id << "changed;" << ended->size() << "sessions ended";
    if (!ended->isEmpty())
        Q_EMIT sessionsEnded(ended.value(), common::SessionEndReason::PasswordChanged);
    return {};
}

} // namespace ccr::server
