#pragma once

#include "common/NotificationKind.h"
#include "common/Result.h"

#include <QList>

namespace ccr::server {

class Database;

/** The notification_optouts table: the mail kinds each user turned off. */
class PreferenceStore final
{
public:
    explicit PreferenceStore(Database& database) : m_database(database) {}

    common::Result<QList<common::NotificationKind>> optOuts(qint64 userId) const;
    bool hasOptedOut(qint64 userId, common::NotificationKind kind) const;
    /** Replaces the user's opt-outs with these. */
    common::Result<void> setOptOuts(qint64 userId, const QList<common::NotificationKind>& kinds);

private:
    Database& m_database;
};

} // namespace ccr::server
