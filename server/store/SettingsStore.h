#pragma once

#include "common/Result.h"

#include <QString>

namespace ccr::server {

class Database;

/** The settings table: help desk settings admins change at run time. */
class SettingsStore final
{
public:
    explicit SettingsStore(Database& database) : m_database(database) {}

    QString value(const QString& key, const QString& fallback = {}) const;
    common::Result<void> setValue(const QString& key, const QString& value);

private:
    Database& m_database;
};

} // namespace ccr::server
