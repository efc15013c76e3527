#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <optional>

namespace ccr::server {

class Database;

/** An open password reset: the keyed hash of its one-time code, and how it has been used. */
struct PasswordReset
{
    qint64 id = 0;
    qint64 userId = 0;
    QByteArray codeHash;
    QDateTime expiresAt;
    int attempts = 0;
};

/** The password_resets table. */
class PasswordResetStore final
{
public:
    explicit PasswordResetStore(Database& database) : m_database(database) {}

    common::Result<void> insert(qint64 userId, const QByteArray& codeHash, const QDateTime& createdAt,
                                const QDateTime& expiresAt);
    /** How many codes the user asked for since the given time. */
    qint64 requestsSince(qint64 userId, const QDateTime& since) const;
    /** The newest unused code of the user. */
    std::optional<PasswordReset> latestOpen(qint64 userId) const;
    common::Result<void> countAttempt(qint64 id);
    /** Uses up every open code of the user (after a successful reset). */
    common::Result<void> closeAll(qint64 userId);

private:
    Database& m_database;
};

} // namespace ccr::server
