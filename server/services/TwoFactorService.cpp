#include "TwoFactorService.h"

#include "Clock.h"
#include "HashWorker.h"
#include "Notifier.h"
#include "ServerSecret.h"
#include "ServiceLog.h"
#include "Totp.h"
#include "store/Database.h"
#include "store/SettingsStore.h"
#include "store/Transaction.h"
#include "store/TwoFactorStore.h"
#include "store/UserStore.h"

#include <openssl/rand.h>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

const QString kRequireForStaff = QStringLiteral("require_two_factor_for_staff");
constexpr int kSecretBytes = 20; // 160 bits, as RFC 4226 recommends

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), count) != 1)
        qFatal("no secure randomness for two-factor secrets");
    return bytes;
}

/** "xxxx-xxxx" in base32: easy to read aloud and type, 40 bits each. */
QString newRecoveryCode()
{
    const QString text = Totp::base32(randomBytes(5)).toLower();
    return text.left(4) + QLatin1Char('-') + text.mid(4, 4);
}

QString normalizeRecoveryCode(const QString& code)
{
    QString plain = code.trimmed().toLower();
    plain.remove(QLatin1Char(' '));
    plain.remove(QLatin1Char('-'));
    return plain.left(4) + QLatin1Char('-') + plain.mid(4);
}

Error failed()
{
    return Error(ErrorCode::Internal, QStringLiteral("The two-factor settings could not be saved."));
}

} // namespace

TwoFactorService::TwoFactorService(Stores stores, HashWorker& hashes, Notifier& notifier, const ServerSecret& secret,
                                   const Clock& clock, QObject* parent)
    : QObject(parent), m_stores(stores), m_hashes(hashes), m_notifier(notifier), m_secret(secret), m_clock(clock)
{}

QByteArray TwoFactorService::recoveryHash(qint64 userId, const QString& code) const
{
    return m_secret.mac("recovery:" + QByteArray::number(userId) + ':' + normalizeRecoveryCode(code).toLatin1());
}

common::Result<common::TwoFactorSetup> TwoFactorService::begin(qint64 userId)
{
    const auto user = m_stores.users.findById(userId);
    if (!user)
        return Error(ErrorCode::NotFound);
    const auto current = m_stores.twoFactor.find(userId);
    if (!current)
        return current.error();
    if (current->enabled)
        return Error(ErrorCode::Conflict, QStringLiteral("Two-factor sign-in is already on; turn it off first."));
    const QByteArray secret = randomBytes(kSecretBytes);
    if (!m_stores.twoFactor.setPending(userId, m_secret.seal(secret)))
        return failed();
    return common::TwoFactorSetup{Totp::base32(secret),
                                  Totp::provisioningUri(secret, user->email, QStringLiteral("Customer Care Registry"))};
}

common::Result<common::RecoveryCodes> TwoFactorService::confirm(qint64 userId, const QString& code)
{
    const auto found = m_stores.twoFactor.find(userId);
    if (!found)
        return found.error();
    const TwoFactorRecord& record = found.value();
    const auto secret = m_secret.open(record.pendingSecret);
    if (record.enabled || !secret)
        return Error(ErrorCode::Conflict, QStringLiteral("Start setting up two-factor sign-in first."));
    const auto step = Totp::verify(*secret, code, m_clock.now(), 0);
    if (!step)
        return Error(ErrorCode::InvalidCredentials, QStringLiteral("The code is wrong; check the time on your phone."));

    common::RecoveryCodes codes;
    QList<QByteArray> hashes;
    for (int i = 0; i < kRecoveryCodes; ++i) {
        codes.codes.append(newRecoveryCode());
        hashes.append(recoveryHash(userId, codes.codes.constLast()));
    }
    const auto user = m_stores.users.findById(userId);
    Transaction transaction(m_stores.database);
    if (!user || !transaction.isActive() || !m_stores.twoFactor.enable(userId, record.pendingSecret, *step) ||
        !m_stores.twoFactor.replaceRecoveryCodes(userId, hashes) ||
        !m_notifier.twoFactorChanged(user->toUserInfo(), true) || !transaction.commit())
        return failed();
    qCInfo(lcAccounts) << "two-factor sign-in enabled for user" << userId;
    return codes;
}

void TwoFactorService::disable(qint64 userId, const QString& password, std::function<void(common::Result<void>)> done)
{
    const auto user = m_stores.users.findById(userId);
    if (!user)
        return done(Error(ErrorCode::NotFound));
    const auto record = m_stores.twoFactor.find(userId);
    if (!record)
        return done(record.error());
    if (!record->enabled)
        return done(Error(ErrorCode::Conflict, QStringLiteral("Two-factor sign-in is not on.")));
    if (m_hashes.saturated())
        return done(Error(ErrorCode::Unavailable, QStringLiteral("The server is busy; try again in a moment.")));
    m_hashes.verify(password, user->passwordHash, this, [this, userId, done](bool matches) {
        if (!matches)
            return done(Error(ErrorCode::InvalidCredentials, QStringLiteral("The password is wrong.")));
        const auto current = m_stores.users.findById(userId);
        Transaction transaction(m_stores.database);
        if (!current || !transaction.isActive() || !m_stores.twoFactor.disable(userId) ||
            !m_notifier.twoFactorChanged(current->toUserInfo(), false) || !transaction.commit())
            return done(failed());
        qCInfo(lcAccounts) << "two-factor sign-in disabled for user" << userId;
        done({});
    });
}

common::Result<common::TwoFactorStatus> TwoFactorService::status(const UserRecord& user) const
{
    const bool staff = user.role != common::Role::Customer;
    const auto record = m_stores.twoFactor.find(user.id);
    if (!record)
        return record.error();
    return common::TwoFactorStatus{record->enabled, staff && settings().requireTwoFactorForStaff};
}

common::Result<void> TwoFactorService::checkSignIn(qint64 userId, const QString& totpCode, const QString& recoveryCode)
{
    const auto found = m_stores.twoFactor.find(userId);
    if (!found)
        return found.error(); // never "off" because the state could not be read
    const TwoFactorRecord& record = found.value();
    if (!record.enabled)
        return {};
    if (totpCode.isEmpty() && recoveryCode.isEmpty())
        return Error(ErrorCode::TwoFactorRequired);
    const Error wrong(ErrorCode::InvalidCredentials,
                      QStringLiteral("The two-factor code is wrong or was used already."));
    if (!totpCode.isEmpty()) {
        const auto secret = m_secret.open(record.sealedSecret);
        const auto step = secret ? Totp::verify(*secret, totpCode, m_clock.now(), record.lastStep) : std::nullopt;
        if (!step)
            return wrong;
        if (!m_stores.twoFactor.setLastStep(userId, *step))
            return failed();
        return {};
    }
    if (!m_stores.twoFactor.consumeRecoveryCode(userId, recoveryHash(userId, recoveryCode), m_clock.now()))
        return wrong;
    qCInfo(lcAccounts) << "user" << userId << "signed in with a recovery code";
    return {};
}

bool TwoFactorService::setupRequired(const UserRecord& user) const
{
    if (user.role == common::Role::Customer || !settings().requireTwoFactorForStaff)
        return false;
    const auto record = m_stores.twoFactor.find(user.id);
    return !record || !record->enabled;
}

common::ServerSettings TwoFactorService::settings() const
{
    return {m_stores.settings.value(kRequireForStaff) == QLatin1String("true")};
}

common::Result<common::ServerSettings> TwoFactorService::setSettings(const common::ServerSettings& settings)
{
    if (!m_stores.settings.setValue(kRequireForStaff, settings.requireTwoFactorForStaff ? QStringLiteral("true")
                                                                                        : QStringLiteral("false")))
        return failed();
    return this->settings();
}

} // namespace ccr::server
