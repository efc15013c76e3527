#pragma once

#include "common/Result.h"
#include "common/account/RecoveryCodes.h"
#include "common/account/ServerSettings.h"
#include "common/account/TwoFactorSetup.h"
#include "common/account/TwoFactorStatus.h"

#include <QObject>
#include <functional>

namespace ccr::server {

class Clock;
class Database;
class HashWorker;
class Notifier;
class ServerSecret;
class SettingsStore;
class TwoFactorStore;
class UserStore;
struct UserRecord;

/**
 * Two-factor sign-in with TOTP (RFC 6238): enrolment handing out the secret once,
 * confirmation with a first code, ten single-use recovery codes, replay protection, and an
 * admin setting that makes it mandatory for agents and admins. Secrets are sealed with the
 * server key; recovery codes are kept as keyed hashes.
 */
class TwoFactorService final : public QObject
{
    Q_OBJECT
public:
    struct Stores
    {
        Database& database;
        TwoFactorStore& twoFactor;
        SettingsStore& settings;
        UserStore& users;
    };

    TwoFactorService(Stores stores, HashWorker& hashes, Notifier& notifier, const ServerSecret& secret,
                     const Clock& clock, QObject* parent = nullptr);

    common::Result<common::TwoFactorSetup> begin(qint64 userId);
    common::Result<common::RecoveryCodes> confirm(qint64 userId, const QString& code);
    void disable(qint64 userId, const QString& password, std::function<void(common::Result<void>)> done);
    common::Result<common::TwoFactorStatus> status(const UserRecord& user) const;

    /** At sign-in, after the password matched: TwoFactorRequired without a code, InvalidCredentials for a bad one. */
    common::Result<void> checkSignIn(qint64 userId, const QString& totpCode, const QString& recoveryCode);
    /** Staff without two-factor while the setting requires it: they may only set it up. */
    bool setupRequired(const UserRecord& user) const;

    common::ServerSettings settings() const;
    common::Result<common::ServerSettings> setSettings(const common::ServerSettings& settings);

    static constexpr int kRecoveryCodes = 10;

private:
    QByteArray recoveryHash(qint64 userId, const QString& code) const;

    Stores m_stores;
    HashWorker& m_hashes;
    Notifier& m_notifier;
    const ServerSecret& m_secret;
    const Clock& m_clock;
};

} // namespace ccr::server
