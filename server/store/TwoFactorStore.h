#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <optional>

namespace ccr::server {

class Database;

/** A user's two-factor state as stored: sealed secrets only. */
struct TwoFactorRecord
{
    QByteArray sealedSecret;
    QByteArray pendingSecret;
    bool enabled = false;
    qint64 lastStep = 0;
};

/** The two_factor and recovery_codes tables. */
class TwoFactorStore final
{
public:
    explicit TwoFactorStore(Database& database) : m_database(database) {}

    /** An error if the row cannot be read: callers must not take that for "two-factor is off". */
    common::Result<TwoFactorRecord> find(qint64 userId) const;
    common::Result<void> setPending(qint64 userId, const QByteArray& sealedSecret);
    common::Result<void> enable(qint64 userId, const QByteArray& sealedSecret, qint64 step);
    common::Result<void> setLastStep(qint64 userId, qint64 step);
    common::Result<void> disable(qint64 userId);
    common::Result<void> replaceRecoveryCodes(qint64 userId, const QList<QByteArray>& codeHashes);
    /** Marks the unused code with this hash used; false if there is none. */
    bool consumeRecoveryCode(qint64 userId, const QByteArray& codeHash, const QDateTime& at);

private:
    Database& m_database;
};

} // namespace ccr::server
