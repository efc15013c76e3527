#pragma once

#include "common/Result.h"
#include "common/account/NotificationPreferences.h"

namespace ccr::server {

class Database;
class PreferenceStore;

/** Which kinds of mail a person gets. Security mail cannot be turned off. */
class PreferenceService final
{
public:
    PreferenceService(Database& database, PreferenceStore& store) : m_database(database), m_store(store) {}

    common::Result<common::NotificationPreferences> get(qint64 userId) const;
    common::Result<common::NotificationPreferences> set(qint64 userId, const common::NotificationPreferences& wanted);

private:
    Database& m_database;
    PreferenceStore& m_store;
};

} // namespace ccr::server
