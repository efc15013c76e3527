#include "UserStore.h"

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

const QString kColumns =
    QStringLiteral("id, email, display_name, role, state, password_hash, locale, created_at, last_sign_in_at");

UserRecord readUser(const QSqlQuery& query)
{
    UserRecord user;
    user.id = query.value(0).toLongLong();
    user.email = query.value(1).toString();
    user.displayName = query.value(2).toString();
    user.role = common::roleFromName(query.value(3).toString()).value_or(common::Role::Customer);
    user.state = common::userStateFromName(query.value(4).toString()).value_or(common::UserState::Disabled);
    user.passwordHash = query.value(5).toString();
    user.locale = query.value(6).toString();
    user.createdAt = fromWire(query.value(7).toLongLong());
    user.lastSignInAt = fromWire(query.value(8).toLongLong());
    return user;
}

Error storeError(const QSqlQuery& query)
{
    return SqlValues::failure(query, QStringLiteral("The user store could not complete the change."));
}

// SQLite reports a UNIQUE violation as extended code 2067, or as primary code 19 (any constraint)
// whose text names UNIQUE; CHECK, NOT NULL and foreign keys share 19 and are not duplicates.
bool isUniqueViolation(const QSqlError& error)
{
    return error.nativeErrorCode() == QLatin1String("2067") ||
           (error.nativeErrorCode() == QLatin1String("19") && error.databaseText().contains(QLatin1String("UNIQUE")));
}

} // namespace

common::Result<qint64> UserStore::insert(const UserRecord& user)
{
    m_byId.writing();
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("INSERT INTO users (email, display_name, role, state, password_hash, locale, "
                                   "created_at, last_sign_in_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)"),
                    {user.email, user.displayName, common::roleName(user.role), common::userStateName(user.state),
                     user.passwordHash, user.locale.isNull() ? QStringLiteral("") : user.locale,
                     toWire(user.createdAt)})) {
        if (isUniqueViolation(query.lastError()))
            return Error(ErrorCode::EmailTaken);
        return storeError(query);
    }
    return query.lastInsertId().toLongLong();
}

std::optional<UserRecord> UserStore::findById(qint64 id) const
{
    if (auto kept = m_byId.find(id))
        return kept;
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM users WHERE id = ?"), {id}) ||
        !query.next())
        return std::nullopt;
    UserRecord user = readUser(query);
    m_byId.keep(id, user);
    return user;
}

std::optional<UserRecord> UserStore::findByEmail(const QString& email) const
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM users WHERE email = ?"), {email}) ||
        !query.next())
        return std::nullopt;
    return readUser(query);
}

common::Result<QList<UserRecord>> UserStore::list(std::optional<common::Role> role,
                                                  std::optional<common::UserState> state) const
{
    SqlStatement query(m_database);
    const QVariant roleValue = role ? QVariant(common::roleName(*role)) : QVariant();
    const QVariant stateValue = state ? QVariant(common::userStateName(*state)) : QVariant();
    if (!query.exec(QStringLiteral("SELECT ") + kColumns +
                        QStringLiteral(" FROM users WHERE (? IS NULL OR role = ?) AND (? IS NULL OR state = ?)"
                                       " ORDER BY display_name COLLATE NOCASE, id"),
                    {roleValue, roleValue, stateValue, stateValue}))
        return storeError(query);
    QList<UserRecord> users;
    while (query.next())
        users.append(readUser(query));
    return users;
}

qint64 UserStore::count() const
{
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM users")) || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

common::Result<void> UserStore::setRoleAndState(qint64 id, common::Role role, common::UserState state)
{
    m_byId.writing();
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("UPDATE users SET role = ?, state = ? WHERE id = ?"),
                    {common::roleName(role), common::userStateName(state), id}))
        return storeError(query);
    if (query.numRowsAffected() != 1)
        return Error(ErrorCode::NotFound);
    return {};
}

common::Result<void> UserStore::setLastSignIn(qint64 id, const QDateTime& when)
{
    m_byId.writing();
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("UPDATE users SET last_sign_in_at = ? WHERE id = ?"), {toWire(when), id}))
        return storeError(query);
    return {};
}

} // namespace ccr::server

namespace ccr::server {

common::Result<void> UserStore::setPasswordHash(qint64 id, const QString& hash)
{
    m_byId.writing();
    SqlStatement query(m_database);
    if (!query.exec(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), {hash, id}))
        return storeError(query);
    if (query.numRowsAffected() != 1)
        return Error(ErrorCode::NotFound);
    return {};
}

} // namespace ccr::server
