#include "TwoFactorStore.h"

#include "Database.h"
#include "SqlStatement.h"
#include "SqlValues.h"
#include "common/WireTime.h"

namespace ccr::server {

namespace {

common::Error storeError(const QSqlQuery& query)
{
    return SqlValues::failure(query, QStringLiteral("The two-factor settings could not be read or saved."));
}

} // namespace

common::Result<TwoFactorRecord> TwoFactorStore::find(qint64 userId) const
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT sealed_secret, pending_secret, enabled, last_step FROM two_factor"
                                   " WHERE user_id = ?"),
                    {userId}))
        return storeError(query);
    if (!query.next())
        return TwoFactorRecord{};
    return TwoFactorRecord{query.value(0).toByteArray(), query.value(1).toByteArray(), query.value(2).toBool(),
                           query.value(3).toLongLong()};
}

common::Result<void> TwoFactorStore::setPending(qint64 userId, const QByteArray& sealedSecret)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("INSERT INTO two_factor (user_id, pending_secret) VALUES (?, ?)"
                                   " ON CONFLICT(user_id) DO UPDATE SET pending_secret = excluded.pending_secret"),
                    {userId, sealedSecret}))
        return storeError(query);
    return {};
}

common::Result<void> TwoFactorStore::enable(qint64 userId, const QByteArray& sealedSecret, qint64 step)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("UPDATE two_factor SET sealed_secret = ?, pending_secret = NULL, enabled = 1,"
                                   " last_step = ? WHERE user_id = ?"),
                    {sealedSecret, step, userId}))
        return storeError(query);
    return {};
}

common::Result<void> TwoFactorStore::setLastStep(qint64 userId, qint64 step)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("UPDATE two_factor SET last_step = ? WHERE user_id = ?"), {step, userId}))
        return storeError(query);
    return {};
}

common::Result<void> TwoFactorStore::disable(qint64 userId)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("DELETE FROM two_factor WHERE user_id = ?"), {userId}))
        return storeError(query);
    SqlStatement codes(m_database);
    if (!codes.exec(QStringLiteral("DELETE FROM recovery_codes WHERE user_id = ?"), {userId}))
        return storeError(codes);
    return {};
}

common::Result<void> TwoFactorStore::replaceRecoveryCodes(qint64 userId, const QList<QByteArray>& codeHashes)
{
    SqlStatement clear(m_database);
    if (!clear.exec(QStringLiteral("DELETE FROM recovery_codes WHERE user_id = ?"), {userId}))
        return storeError(clear);
    for (const auto& hash : codeHashes) {
        SqlStatement insert(m_database);
        if (!insert.exec(QStringLiteral("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)"),
                         {userId, hash}))
            return storeError(insert);
    }
    return {};
}

bool TwoFactorStore::consumeRecoveryCode(qint64 userId, const QByteArray& codeHash, const QDateTime& at)
{
    SqlStatement query(m_database);
    return query.exec(QStringLiteral("UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ?"
                                     " AND used_at IS NULL"),
                      {common::WireTime::toWire(at), userId, codeHash}) &&
           query.numRowsAffected() == 1;
}

} // namespace ccr::server
