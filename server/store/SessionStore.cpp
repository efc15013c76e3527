#include "SessionStore.h"

#include "Database.h"
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
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO sessions (user_id, token_hash, created_at, expires_at, client_address) "
                                 "VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(session.userId);
    query.addBindValue(session.tokenHash);
    query.addBindValue(toWire(session.createdAt));
    query.addBindValue(toWire(session.expiresAt));
    query.addBindValue(session.clientAddress);
    if (!query.exec())
        return storeError(query);
    return query.lastInsertId().toLongLong();
}

std::optional<SessionRecord> SessionStore::findByTokenHash(const QByteArray& tokenHash) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(kSelect + QStringLiteral("WHERE token_hash = ?"));
    query.addBindValue(tokenHash);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readSession(query);
}

std::optional<SessionRecord> SessionStore::findById(qint64 id) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(kSelect + QStringLiteral("WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readSession(query);
}

common::Result<void> SessionStore::remove(qint64 id)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM sessions WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return storeError(query);
    return {};
}

common::Result<QList<qint64>> SessionStore::removeAllForUser(qint64 userId, qint64 keepSessionId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM sessions WHERE user_id = ? AND id <> ? RETURNING id"));
    query.addBindValue(userId);
    query.addBindValue(keepSessionId);
    if (!query.exec())
        return storeError(query);
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

qint64 SessionStore::removeExpired(const QDateTime& now)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM sessions WHERE expires_at <= ?"));
    query.addBindValue(toWire(now));
    if (!query.exec()) {
        qCWarning(lcStore) << "purging expired sessions failed:" << query.lastError().text();
        return 0;
    }
    return query.numRowsAffected();
}

} // namespace ccr::server
