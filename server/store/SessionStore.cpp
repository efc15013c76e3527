#include "SessionStore.h"

#include "Database.h"
#include "SqlStatement.h"
#include "SqlValues.h"
#include "StoreLog.h"
#include "common/WireTime.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ccr::server {

using common::Error;
using common::ErrorCode;
using common::WireTime::fromWire;
using common::WireTime::toWire;

namespace {

const QString kSelect =
    QStringLiteral("SELECT id, user_id, token_hash, created_at, expires_at, client_address FROM sessions ");

SessionRecord readSession(const QSqlQuery& query)
{
    SessionRecord session;
    session.id = query.value(0).toLongLong();
    session.userId = query.value(1).toLongLong();
    session.tokenHash = query.value(2).toByteArray();
    session.createdAt = fromWire(query.value(3).toLongLong());
    session.expiresAt = fromWire(query.value(4).toLongLong());
    session.clientAddress = query.value(5).toString();
    return session;
}

Error storeError(const QSqlQuery& query)
{
    return SqlValues::failure(query, QStringLiteral("The session store could not complete the change."));
}

} // namespace

common::Result<qint64> SessionStore::insert(const SessionRecord& session)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("INSERT INTO sessions (user_id, token_hash, created_at, expires_at, client_address) "
                                   "VALUES (?, ?, ?, ?, ?)"),
                    {session.userId, session.tokenHash, toWire(session.createdAt), toWire(session.expiresAt),
                     session.clientAddress}))
        return storeError(query);
    return query.lastInsertId().toLongLong();
}

std::optional<SessionRecord> SessionStore::findByTokenHash(const QByteArray& tokenHash) const
{
    SqlStatement query(m_database);
    if (!query.exec(kSelect + QStringLiteral("WHERE token_hash = ?"), {tokenHash}) || !query.next())
        return std::nullopt;
    return readSession(query);
}

std::optional<SessionRecord> SessionStore::findById(qint64 id) const
{
    SqlStatement query(m_database);
    if (!query.exec(kSelect + QStringLiteral("WHERE id = ?"), {id}) || !query.next())
        return std::nullopt;
    return readSession(query);
}

common::Result<void> SessionStore::remove(qint64 id)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("DELETE FROM sessions WHERE id = ?"), {id}))
        return storeError(query);
    return {};
}

common::Result<QList<qint64>> SessionStore::removeAllForUser(qint64 userId, qint64 keepSessionId)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("DELETE FROM sessions WHERE user_id = ? AND id <> ? RETURNING id"),
                    {userId, keepSessionId}))
        return storeError(query);
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

qint64 SessionStore::removeExpired(const QDateTime& now)
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("DELETE FROM sessions WHERE expires_at <= ?"), {toWire(now)})) {
        qCWarning(lcStore) << "purging expired sessions failed:" << query.lastError().text();
        return 0;
    }
    return query.numRowsAffected();
}

} // namespace ccr::server
