#pragma once

#include "SessionRecord.h"
#include "common/Result.h"

#include <QList>
#include <optional>

namespace ccr::server {

class Database;

/** The sessions table. */
class SessionStore final
{
public:
    explicit SessionStore(Database& database) : m_database(database) {}

    common::Result<qint64> insert(const SessionRecord& session);
    std::optional<SessionRecord> findByTokenHash(const QByteArray& tokenHash) const;
    std::optional<SessionRecord> findById(qint64 id) const;
    common::Result<void> remove(qint64 id);
    /** Removes every session of the user (but keepSessionId, if given) and returns their ids. */
    common::Result<QList<qint64>> removeAllForUser(qint64 userId, qint64 keepSessionId = 0);
    /** Removes sessions that expired before the given time; returns how many. */
    qint64 removeExpired(const QDateTime& now);

private:
    Database& m_database;
};

} // namespace ccr::server
