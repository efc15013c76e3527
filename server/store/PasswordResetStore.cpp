#include "PasswordResetStore.h"

#include "Database.h"
#include "SqlStatement.h"
#include "SqlValues.h"
#include "common/WireTime.h"

namespace ccr::server {

using common::WireTime::fromWire;
using common::WireTime::toWire;

namespace {

common::Error storeError(const QSqlQuery& query)
{
    return SqlValues::failure(query, QStringLiteral("The password reset could not be saved."));
}

} // namespace

common::Result<void> PasswordResetStore::insert(qint64 userId, const QByteArray& codeHash, const QDateTime& createdAt,
                                                const QDateTime& expiresAt)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("INSERT INTO password_resets (user_id, code_hash, created_at, expires_at)"
                                   " VALUES (?, ?, ?, ?)"),
                    {userId, codeHash, toWire(createdAt), toWire(expiresAt)}))
        return storeError(query);
    return {};
}

qint64 PasswordResetStore::requestsSince(qint64 userId, const QDateTime& since) const
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM password_resets WHERE user_id = ? AND created_at > ?"),
                    {userId, toWire(since)}) ||
        !query.next())
        return 0;
    return query.value(0).toLongLong();
}

std::optional<PasswordReset> PasswordResetStore::latestOpen(qint64 userId) const
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT id, user_id, code_hash, expires_at, attempts FROM password_resets"
                                   " WHERE user_id = ? AND used = 0 ORDER BY id DESC LIMIT 1"),
                    {userId}) ||
        !query.next())
        return std::nullopt;
    return PasswordReset{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toByteArray(),
                         fromWire(query.value(3).toLongLong()), query.value(4).toInt()};
}

common::Result<void> PasswordResetStore::countAttempt(qint64 id)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("UPDATE password_resets SET attempts = attempts + 1 WHERE id = ?"), {id}))
        return storeError(query);
    return {};
}

common::Result<void> PasswordResetStore::closeAll(qint64 userId)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("UPDATE password_resets SET used = 1 WHERE user_id = ?"), {userId}))
        return storeError(query);
    return {};
}

} // namespace ccr::server
