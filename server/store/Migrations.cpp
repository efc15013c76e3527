#include "Migrations.h"

#include "SearchIndex.h"
#include "StoreLog.h"
#include "TallyTriggers.h"
#include "Transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <functional>

namespace ccr::server::Migrations {

using common::Error;
using common::ErrorCode;

namespace {

struct Step
{
    int version;
    QStringList statements;
    /** Runs after the statements, in the same transaction: an empty text when it worked, else why not. */
    std::function<QString(QSqlDatabase&)> fill = {};
};

/** Schema 7: every text a customer may see, indexed once more under that customer's own words. */
QString fillCustomerSearch(QSqlDatabase& db)
{
    QSqlQuery texts(db);
    texts.setForwardOnly(true);
    if (!texts.exec(
            QStringLiteral("SELECT rowid, ticket_id, owner, subject, body FROM ticket_search WHERE owner <> ''")))
        return texts.lastError().text();
    QSqlQuery insert(db);
    if (!insert.prepare(SearchIndex::customerInsertStatement()))
        return insert.lastError().text();
    qint64 done = 0;
    while (texts.next()) {
        const auto values = SearchIndex::customerInsertValues(
            SearchIndex::textRowId(texts.value(1).toLongLong(), texts.value(0).toLongLong()),
            texts.value(2).toString().mid(1).toLongLong(), texts.value(3).toString(), texts.value(4).toString());
        for (qsizetype i = 0; i < values.size(); ++i)
            insert.bindValue(static_cast<int>(i), values.at(i));
        if (!insert.exec())
            return insert.lastError().text();
        if (++done % 100000 == 0)
            qCInfo(lcStore) << "indexed" << done << "texts for customers' searches";
    }
    return {};
}

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
        {2,
         {
             QStringLiteral("CREATE TABLE categories ("
                            " id INTEGER PRIMARY KEY,"
                            " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                            " active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
                            " created_at INTEGER NOT NULL)"),
             QStringLiteral("INSERT INTO categories (name, created_at) VALUES"
                            " ('Product exchange or return', 0), ('Out of stock', 0),"
                            " ('Payments and transactions', 0), ('Delivery', 0), ('Other', 0)"),
             // AUTOINCREMENT: an id, and so a ticket number, is never handed out twice.
             QStringLiteral("CREATE TABLE tickets ("
                            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " customer_id INTEGER NOT NULL REFERENCES users(id),"
                            " agent_id INTEGER REFERENCES users(id),"
                            " category_id INTEGER NOT NULL REFERENCES categories(id),"
                            " priority INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 3),"
                            " status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 5),"
                            " subject TEXT NOT NULL,"
                            " description TEXT NOT NULL,"
                            " resolution TEXT NOT NULL DEFAULT '',"
                            " created_at INTEGER NOT NULL,"
                            " updated_at INTEGER NOT NULL,"
                            " first_response_at INTEGER,"
                            " resolved_at INTEGER,"
                            " closed_at INTEGER,"
                            " due_at INTEGER,"
                            " version INTEGER NOT NULL DEFAULT 1,"
                            " deleted_at INTEGER,"
                            " deleted_by INTEGER REFERENCES users(id))"),
             QStringLiteral("CREATE INDEX tickets_customer ON tickets(customer_id, updated_at)"),
             QStringLiteral("CREATE INDEX tickets_agent ON tickets(agent_id, status)"),
             QStringLiteral("CREATE INDEX tickets_updated ON tickets(updated_at)"),
             QStringLiteral("CREATE INDEX tickets_created ON tickets(created_at)"),
             QStringLiteral("CREATE TABLE ticket_messages ("
                            " id INTEGER PRIMARY KEY,"
                            " ticket_id INTEGER NOT NULL REFERENCES tickets(id),"
                            " kind TEXT NOT NULL CHECK (kind IN ('public', 'internal', 'system')),"
                            " author_id INTEGER REFERENCES users(id),"
                            " body TEXT NOT NULL,"
                            " event TEXT NOT NULL DEFAULT '',"
                            " old_value TEXT NOT NULL DEFAULT '',"
                            " new_value TEXT NOT NULL DEFAULT '',"
                            " created_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX ticket_messages_ticket ON ticket_messages(ticket_id, id)"),
             QStringLiteral("CREATE TABLE ticket_events ("
                            " id INTEGER PRIMARY KEY,"
                            " ticket_id INTEGER NOT NULL REFERENCES tickets(id),"
                            " actor_id INTEGER REFERENCES users(id),"
                            " at INTEGER NOT NULL,"
                            " field TEXT NOT NULL,"
                            " old_value TEXT NOT NULL DEFAULT '',"
                            " new_value TEXT NOT NULL DEFAULT '',"
                            " internal INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, id)"),
             QStringLiteral("CREATE TABLE attachments ("
                            " id INTEGER PRIMARY KEY,"
                            " sha256 TEXT NOT NULL,"
                            " size INTEGER NOT NULL,"
                            " file_name TEXT NOT NULL,"
                            " mime_type TEXT NOT NULL DEFAULT '',"
                            " uploaded_by INTEGER NOT NULL REFERENCES users(id),"
                            " ticket_id INTEGER REFERENCES tickets(id),"
                            " message_id INTEGER REFERENCES ticket_messages(id),"
                            " created_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX attachments_ticket ON attachments(ticket_id)"),
             // One row per searchable text: a ticket (subject + description), a public reply or an
             // internal note; kind keeps notes out of customers' searches.
             QStringLiteral("CREATE VIRTUAL TABLE ticket_search USING fts5("
                            " subject, body, ticket_id UNINDEXED, kind UNINDEXED,"
                            " tokenize = 'unicode61 remove_diacritics 2')"),
         }},
        {3,
         {
             // Mail is queued here in the same transaction as the change that causes it.
             QStringLiteral("CREATE TABLE outbox ("
                            " id INTEGER PRIMARY KEY,"
                            " kind TEXT NOT NULL,"
                            " user_id INTEGER REFERENCES users(id),"
                            " ticket_id INTEGER REFERENCES tickets(id),"
                            " to_address TEXT NOT NULL,"
                            " to_name TEXT NOT NULL DEFAULT '',"
                            " subject TEXT NOT NULL,"
                            " text_body TEXT NOT NULL,"
                            " html_body TEXT NOT NULL,"
                            " message_id TEXT NOT NULL UNIQUE,"
                            " in_reply_to TEXT NOT NULL DEFAULT '',"
                            " refs TEXT NOT NULL DEFAULT '',"
                            " created_at INTEGER NOT NULL,"
                            " status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),"
                            " attempts INTEGER NOT NULL DEFAULT 0,"
                            " next_attempt_at INTEGER NOT NULL,"
                            " last_error TEXT NOT NULL DEFAULT '',"
                            " sent_at INTEGER)"),
             QStringLiteral("CREATE INDEX outbox_due ON outbox(status, next_attempt_at)"),
             QStringLiteral("CREATE TABLE notification_optouts ("
                            " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " kind TEXT NOT NULL,"
                            " PRIMARY KEY (user_id, kind))"),
             QStringLiteral("CREATE TABLE password_resets ("
                            " id INTEGER PRIMARY KEY,"
                            " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " code_hash BLOB NOT NULL,"
                            " created_at INTEGER NOT NULL,"
                            " expires_at INTEGER NOT NULL,"
                            " attempts INTEGER NOT NULL DEFAULT 0,"
                            " used INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX password_resets_user ON password_resets(user_id, created_at)"),
         }},
        {4,
         {
             // The TOTP secret is sealed with the server key (AES-256-GCM), never stored in the clear.
             QStringLiteral("CREATE TABLE two_factor ("
                            " user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,"
                            " sealed_secret BLOB,"
                            " pending_secret BLOB,"
                            " enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),"
                            " last_step INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE TABLE recovery_codes ("
                            " id INTEGER PRIMARY KEY,"
                            " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " code_hash BLOB NOT NULL,"
                            " used_at INTEGER)"),
             QStringLiteral("CREATE INDEX recovery_codes_user ON recovery_codes(user_id)"),
             QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
         }},
        {5,
         {
             // Lists and counts of a customer's live tickets read the index alone, never the table.
             QStringLiteral("DROP INDEX tickets_customer"),
             QStringLiteral(
                 "CREATE INDEX tickets_customer ON tickets(customer_id, updated_at) WHERE deleted_at IS NULL"),
             // Live tickets per status, priority, category and agent (0: unassigned), kept by
             // triggers, so the admin dashboard does not count a million rows per request.
             QStringLiteral("CREATE TABLE ticket_tallies ("
                            " dimension TEXT NOT NULL, key INTEGER NOT NULL, count INTEGER NOT NULL,"
                            " PRIMARY KEY (dimension, key)) WITHOUT ROWID"),
             QStringLiteral("INSERT INTO ticket_tallies"
                            " SELECT 'status', status, COUNT(*) FROM tickets WHERE deleted_at IS NULL GROUP BY status"
                            " UNION ALL SELECT 'priority', priority, COUNT(*) FROM tickets WHERE deleted_at IS NULL"
                            " GROUP BY priority"
                            " UNION ALL SELECT 'category', category_id, COUNT(*) FROM tickets WHERE deleted_at IS NULL"
                            " GROUP BY category_id"
                            " UNION ALL SELECT 'agent', COALESCE(agent_id, 0), COUNT(*) FROM tickets"
                            " WHERE deleted_at IS NULL GROUP BY COALESCE(agent_id, 0)"),
             TallyTriggers::byOr(QStringLiteral("ticket_tallies_insert"), QStringLiteral("AFTER INSERT ON tickets"), {},
                                 QStringLiteral("NEW")),
             TallyTriggers::byOr(
                 QStringLiteral("ticket_tallies_update"),
                 QStringLiteral("AFTER UPDATE OF status, priority, category_id, agent_id, deleted_at ON tickets"),
                 QStringLiteral("OLD"), QStringLiteral("NEW")),
             TallyTriggers::byOr(QStringLiteral("ticket_tallies_delete"), QStringLiteral("AFTER DELETE ON tickets"),
                                 QStringLiteral("OLD"), {}),
             // The search index gains an owner column ("c" + customer id on everything the
             // customer may see, empty on internal notes), so a customer's search intersects
             // with their own tickets inside FTS5 instead of filtering a million hits after.
             QStringLiteral("CREATE VIRTUAL TABLE ticket_search_v5 USING fts5("
                            " subject, body, owner, ticket_id UNINDEXED, kind UNINDEXED,"
                            " tokenize = 'unicode61 remove_diacritics 2')"),
             QStringLiteral("INSERT INTO ticket_search_v5 (rowid, subject, body, owner, ticket_id, kind)"
                            " SELECT s.rowid, s.subject, s.body,"
                            " CASE WHEN s.kind = 'internal' THEN '' ELSE 'c' || t.customer_id END, s.ticket_id, s.kind"
                            " FROM ticket_search s JOIN tickets t ON t.id = s.ticket_id ORDER BY s.rowid"),
             QStringLiteral("DROP TABLE ticket_search"),
             QStringLiteral("ALTER TABLE ticket_search_v5 RENAME TO ticket_search"),
         }},
        {6,
         {
             // The customer's rating of the resolution (protocol 1.4): one per ticket, replaced
             // when rated again (earlier ratings stay in ticket_events). Plain columns, so the
             // shared ticket SELECT reads them with no join; the ticket_tallies triggers fire
             // only on the columns they list, which these are not.
             QStringLiteral("ALTER TABLE tickets ADD COLUMN rating INTEGER NOT NULL DEFAULT 0"
                            " CHECK (rating BETWEEN 0 AND 5)"),
             QStringLiteral("ALTER TABLE tickets ADD COLUMN rating_comment TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE tickets ADD COLUMN rated_at INTEGER"),
         }},
        {7,
         {
             // A customer's search reads only that customer's words (see SearchIndex): contentless,
             // the texts stay in ticket_search under the same row id.
             QStringLiteral("CREATE VIRTUAL TABLE customer_search USING fts5("
                            " subject, body, content = '', tokenize = 'unicode61 remove_diacritics 2')"),
             // Texts waiting to be indexed, many at a time (dropped again in step 9).
             QStringLiteral("CREATE TABLE search_backlog ("
                            " id INTEGER PRIMARY KEY,"
                            " subject TEXT NOT NULL, body TEXT NOT NULL, owner TEXT NOT NULL,"
                            " customer_id INTEGER NOT NULL, ticket_id INTEGER NOT NULL, kind TEXT NOT NULL)"),
         },
         fillCustomerSearch},
        {8,
         {
             QStringLiteral("DROP TRIGGER ticket_tallies_insert"),
             QStringLiteral("DROP TRIGGER ticket_tallies_update"),
             QStringLiteral("DROP TRIGGER ticket_tallies_delete"),
             TallyTriggers::byKey(QStringLiteral("ticket_tallies_insert"), QStringLiteral("AFTER INSERT ON tickets"),
                                  {}, QStringLiteral("NEW")),
             // Most updates (a reply, a rating) change none of the counted columns: then nothing runs.
             TallyTriggers::byKey(
                 QStringLiteral("ticket_tallies_update"),
                 QStringLiteral("AFTER UPDATE OF status, priority, category_id, agent_id, deleted_at ON tickets"
                                " WHEN OLD.status IS NOT NEW.status OR OLD.priority IS NOT NEW.priority"
                                " OR OLD.category_id IS NOT NEW.category_id OR OLD.agent_id IS NOT NEW.agent_id"
                                " OR OLD.deleted_at IS NOT NEW.deleted_at"),
                 QStringLiteral("OLD"), QStringLiteral("NEW")),
             TallyTriggers::byKey(QStringLiteral("ticket_tallies_delete"), QStringLiteral("AFTER DELETE ON tickets"),
                                  QStringLiteral("OLD"), {}),
         }},
        {9,
         {
             // The search index moves to a file of its own (SearchFile), written by the
             // indexer's thread; the server rebuilds it there from the tickets and messages.
             // Texts wait for it here, named by ticket and message (0: the ticket's own text),
             // in the request's own transaction; the indexer reads the text from its row.
             // AUTOINCREMENT: the indexer remembers the newest id it indexed, so an id must
             // never come again.
             QStringLiteral("CREATE TABLE search_queue ("
                            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " ticket_id INTEGER NOT NULL, message_id INTEGER NOT NULL)"),
             // The search file records which main database it indexes (SearchIndexWriter::fitsTheQueue).
             QStringLiteral(
                 "INSERT INTO meta (key, value) VALUES ('desk_id', CAST(random() & 9223372036854775807 AS TEXT))"),
             QStringLiteral("DROP TABLE search_backlog"),
             QStringLiteral("DROP TABLE customer_search"),
             QStringLiteral("DROP TABLE ticket_search"),
         }},
        {10,
         {
             // A search checks the scope of each candidate ticket it found by id: this index
             // answers that from a few small pages instead of a table page per ticket
             // (TicketQueryParts::ticketsForScope).
             QStringLiteral(
                 "CREATE INDEX tickets_scope ON tickets(id, agent_id, customer_id) WHERE deleted_at IS NULL"),
         }},
        {11,
         {
             // Version 10's index did not cover the check: SQLite (3.40) still read each
             // candidate's table row for "deleted_at IS NULL", which the partial index implies
             // but does not hold. The column is always NULL in this index: one header byte
             // per entry.
             QStringLiteral("DROP INDEX tickets_scope"),
             QStringLiteral("CREATE INDEX tickets_scope ON tickets(id, agent_id, customer_id, deleted_at)"
                            " WHERE deleted_at IS NULL"),
             // Likewise a staff list's count ("own or unassigned") read each ticket's row for
             // deleted_at: at a million tickets an agent's count took 454 ms (80 ms from the
             // index), of two statuses 150 ms (12.7 ms).
             QStringLiteral("DROP INDEX tickets_agent"),
             QStringLiteral("CREATE INDEX tickets_agent ON tickets(agent_id, status, deleted_at)"),
         }},
    };
}

/** Writing failed, not the schema: say where and what usually causes it. */
Error writeFailure(const QSqlDatabase& db, const QString& what)
{
    return Error(ErrorCode::Unavailable,
                 what + QStringLiteral(" (database %1). Is the disk full, a file size limit reached or the data "
                                       "directory read-only? Free space or fix the permissions, then start again.")
                            .arg(db.databaseName()));
}

/** An empty text when it worked, else SQLite's reason. */
QString ensureMetaTable(QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")))
        return {};
    return query.lastError().text();
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

common::Result<void> apply(QSqlDatabase& db, int targetVersion)
{
    if (const QString problem = ensureMetaTable(db); !problem.isEmpty())
        return writeFailure(db, QStringLiteral("Cannot write to the database: ") + problem);
    const int from = currentVersion(db);
    if (from > kSchemaVersion)
        return Error(ErrorCode::Unavailable,
                     QStringLiteral("The database has schema version %1, newer than this server understands (%2). "
                                    "Upgrade ccr-server, or restore a backup made by this version.")
                         .arg(from)
                         .arg(kSchemaVersion));

    for (const auto& step : steps()) {
        if (step.version <= from || step.version > targetVersion)
            continue;
        Transaction transaction(db);
        if (!transaction.isActive())
            return writeFailure(db, QStringLiteral("Cannot start the migration to schema %1: %2")
                                        .arg(step.version)
                                        .arg(db.lastError().text()));
        for (const auto& statement : step.statements) {
            QSqlQuery query(db);
            if (!query.exec(statement))
                return writeFailure(db, QStringLiteral("Migration to schema %1 failed: %2")
                                            .arg(step.version)
                                            .arg(query.lastError().text()));
        }
        if (step.fill) {
            if (const QString problem = step.fill(db); !problem.isEmpty())
                return writeFailure(db,
                                    QStringLiteral("Migration to schema %1 failed: %2").arg(step.version).arg(problem));
        }
        QSqlQuery version(db);
        version.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema_version', :v) "
                                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        version.bindValue(QStringLiteral(":v"), QString::number(step.version));
        const bool recorded = version.exec();
        version.finish();
        if (!recorded || !transaction.commit())
            return writeFailure(
                db, QStringLiteral("Cannot record schema version %1: %2").arg(step.version).arg(db.lastError().text()));
        qCInfo(lcStore) << "database migrated to schema version" << step.version;
    }
    return {};
}

} // namespace ccr::server::Migrations
