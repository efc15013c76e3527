#include "Migrations.h"

#include "StoreLog.h"
#include "Transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace ccr::server::Migrations {

using common::Error;
using common::ErrorCode;

namespace {

struct Step
{
    int version;
    QStringList statements;
};

QList<Step> steps()
{
    return {
        {1,
         {
             QStringLiteral("CREATE TABLE users ("
                            " id INTEGER PRIMARY KEY,"
                            " email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                            " display_name TEXT NOT NULL,"
                            " role TEXT NOT NULL CHECK (role IN ('customer', 'agent', 'admin')),"
                            " state TEXT NOT NULL CHECK (state IN ('active', 'pending_approval', 'disabled')),"
                            " password_hash TEXT NOT NULL,"
                            " locale TEXT NOT NULL DEFAULT '',"
                            " created_at INTEGER NOT NULL,"
                            " last_sign_in_at INTEGER)"),
             QStringLiteral("CREATE INDEX users_role_state ON users(role, state)"),
             QStringLiteral("CREATE TABLE sessions ("
                            " id INTEGER PRIMARY KEY,"
                            " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " token_hash BLOB NOT NULL UNIQUE,"
                            " created_at INTEGER NOT NULL,"
                            " expires_at INTEGER NOT NULL,"
                            " client_address TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE INDEX sessions_user ON sessions(user_id)"),
             QStringLiteral("CREATE TABLE admin_requests ("
                            " id INTEGER PRIMARY KEY,"
                            " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " requested_at INTEGER NOT NULL,"
                            " decided_by INTEGER REFERENCES users(id),"
                            " decided_at INTEGER,"
                            " decision TEXT CHECK (decision IN ('approved', 'rejected')))"),
             QStringLiteral("CREATE INDEX admin_requests_user ON admin_requests(user_id)"),
         }},
    };
}

bool ensureMetaTable(QSqlDatabase& db)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
}

} // namespace

int currentVersion(const QSqlDatabase& db)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"));
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toInt();
}

common::Result<void> apply(QSqlDatabase& db)
{
    if (!ensureMetaTable(db))
        return Error(ErrorCode::Unavailable,
                     QStringLiteral("Cannot write to the database: %1").arg(db.lastError().text()));
    const int from = currentVersion(db);
    if (from > kSchemaVersion)
        return Error(ErrorCode::Unavailable,
                     QStringLiteral("The database has schema version %1, newer than this server understands (%2). "
                                    "Upgrade ccr-server, or restore a backup made by this version.")
                         .arg(from)
                         .arg(kSchemaVersion));

    for (const auto& step : steps()) {
        if (step.version <= from)
            continue;
        Transaction transaction(db);
        for (const auto& statement : step.statements) {
            QSqlQuery query(db);
            if (!query.exec(statement))
                return Error(ErrorCode::Unavailable, QStringLiteral("Migration to schema %1 failed: %2")
                                                         .arg(step.version)
                                                         .arg(query.lastError().text()));
        }
        QSqlQuery version(db);
        version.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema_version', :v) "
                                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        version.bindValue(QStringLiteral(":v"), QString::number(step.version));
        const bool recorded = version.exec();
        version.finish();
        if (!recorded || !transaction.commit())
            return Error(ErrorCode::Unavailable,
                         QStringLiteral("Cannot record schema version %1: %2").arg(step.version).arg(db.lastError().text()));
        qCInfo(lcStore) << "database migrated to schema version" << step.version;
    }
    return {};
}

} // namespace ccr::server::Migrations
