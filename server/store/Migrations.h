#pragma once

#include "common/Result.h"

#include <QSqlDatabase>

namespace ccr::server::Migrations {

/**
 * The schema version this server writes. Increase it with every schema change and never
 * decrease it; see server/README.md for the checklist.
 */
inline constexpr int kSchemaVersion = 11;

/**
 * Brings the database up to targetVersion (normally kSchemaVersion), each step in its own
 * transaction. Tests stop at an older version to build a fixture of it.
 */
common::Result<void> apply(QSqlDatabase& db, int targetVersion = kSchemaVersion);

/** 0 for a new, empty database. */
int currentVersion(const QSqlDatabase& db);

} // namespace ccr::server::Migrations
