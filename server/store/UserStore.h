#pragma once

#include "RowCache.h"
#include "UserRecord.h"
#include "common/Result.h"

#include <QList>
#include <optional>

namespace ccr::server {

class Database;

/** The users table. Email lookups ignore case; the column is UNIQUE COLLATE NOCASE. */
class UserStore final
{
public:
    explicit UserStore(Database& database) : m_database(database), m_byId(database, QStringLiteral("users")) {}

    /** Inserts and returns the new id; EmailTaken if the address is in use. */
    common::Result<qint64> insert(const UserRecord& user);

    std::optional<UserRecord> findById(qint64 id) const;
    std::optional<UserRecord> findByEmail(const QString& email) const;
    common::Result<QList<UserRecord>> list(std::optional<common::Role> role,
                                           std::optional<common::UserState> state) const;
    qint64 count() const;

    common::Result<void> setRoleAndState(qint64 id, common::Role role, common::UserState state);
    common::Result<void> setLastSignIn(qint64 id, const QDateTime& when);
    common::Result<void> setPasswordHash(qint64 id, const QString& hash);

private:
    Database& m_database;
    RowCache<UserRecord> m_byId;
};

} // namespace ccr::server
