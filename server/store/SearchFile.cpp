#include "SearchFile.h"

#include "SqlValues.h"
#include "StoreLog.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUrl>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

const QStringList& tableStatements()
{
    // Row ids are ticket id << 32 | the message's id (0 for the ticket's own text), the same
    // in every table (negated in agent_search, AgentSearchTable): the ticket is known from the
    // row id without reading a column, and a rebuild gives every text the row id it had.
    static const QStringList statements = {
        QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS ticket_search USING fts5("
                       " subject, body, kind UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"),
        // Each word prefixed by its customer ("c14z" + word), contentless: see SearchIndex.
        QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS customer_search USING fts5("
                       " subject, body, content = '', tokenize = 'unicode61 remove_diacritics 2')"),
        // Every text staff may search once more, each word prefixed by its ticket's place in
        // the agents' queues (AgentSearchTable: "a7z" + word, "uz" unassigned, "dz" deleted),
        // contentless: an agent's search reads only their own and the unassigned tickets' words.
        QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS agent_search USING fts5("
                       " subject, body, content = '', tokenize = 'unicode61 remove_diacritics 2')"),
        // The key every text of a ticket carries in agent_search, to move them when it changes.
        QStringLiteral("CREATE TABLE IF NOT EXISTS agent_keys (ticket_id INTEGER PRIMARY KEY, key TEXT NOT NULL)"),
        // indexed_up_to: the newest search_queue id of the main database that is indexed;
        // complete: 1 once the index holds every text (a rebuild sets it last).
        QStringLiteral("CREATE TABLE IF NOT EXISTS search_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
        // Every word in ticket_search, as its tokenizer made it: a typed prefix is looked up
        // here and searched as the words it stands for (StaffQuery), instead of FTS5 merging
        // the posting lists of every word with that prefix across the whole index.
        QStringLiteral("CREATE TABLE IF NOT EXISTS search_words (word TEXT PRIMARY KEY) WITHOUT ROWID"),
    };
    return statements;
}

Error unavailable(const QString& what, const QString& path, const QString& why)
{
    return Error(ErrorCode::Unavailable, QStringLiteral("%1 (search index %2): %3. Is the disk full or the data "
                                                        "directory read-only? The file can be deleted: the server "
                                                        "rebuilds it from the main database.")
                                             .arg(what, path, why));
}

bool run(QSqlDatabase& db, const QString& sql, QString* why)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *why = query.lastError().text();
    return false;
}

} // namespace

QString SearchFile::pathFor(const QString& mainPath)
{
    const QFileInfo main(mainPath);
    return main.dir().filePath(main.completeBaseName() + QStringLiteral("-search.sqlite3"));
}

common::Result<void> SearchFile::prepare(const QString& path)
{
    static QAtomicInteger<quint64> counter;
    const QString name = QStringLiteral("ccr-search-prepare-%1").arg(counter.fetchAndAddRelaxed(1));
    QString why;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            why = db.lastError().text();
        } else {
            QSqlQuery wal(db);
            if (!wal.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !wal.next() ||
                wal.value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
                why = QStringLiteral("cannot switch to write-ahead logging");
            wal.finish();
            if (why.isEmpty()) {
                if (auto created = createTables(db); !created)
                    why = created.error().message;
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (!why.isEmpty())
        return unavailable(QStringLiteral("Cannot prepare the search index"), path, why);
    return {};
}

common::Result<void> SearchFile::createTables(QSqlDatabase& db)
{
    QString why;
    for (const auto& statement : tableStatements()) {
        if (!run(db, statement, &why))
            return unavailable(QStringLiteral("Cannot create the search tables"), db.databaseName(), why);
    }
    return {};
}

common::Result<void> SearchFile::recreateTables(QSqlDatabase& db)
{
    QString why;
    for (const char* table :
         {"ticket_search", "customer_search", "agent_search", "agent_keys", "search_state", "search_words"}) {
        if (!run(db, QStringLiteral("DROP TABLE IF EXISTS main.") + QLatin1String(table), &why))
            return unavailable(QStringLiteral("Cannot empty the search index"), db.databaseName(), why);
    }
    return createTables(db);
}

common::Result<void> SearchFile::attachReadOnly(QSqlDatabase& db, const QString& path, const QString& schema)
{
    QUrl uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    uri.setQuery(QStringLiteral("mode=ro"));
    QSqlQuery attach(db);
    if (!attach.prepare(QStringLiteral("ATTACH DATABASE ? AS ") + schema))
        return Error(ErrorCode::Unavailable,
                     QStringLiteral("Cannot attach %1: %2").arg(path, attach.lastError().text()));
    attach.addBindValue(uri.toString(QUrl::FullyEncoded));
    if (!attach.exec())
        return Error(ErrorCode::Unavailable, QStringLiteral("Cannot attach %1: %2. The search index is rebuilt if its "
                                                            "file is deleted while the server is stopped.")
                                                 .arg(path, attach.lastError().text()));
    return {};
}

common::Error SearchFile::writeFailed(const QSqlQuery& query)
{
    return SqlValues::failure(query, QStringLiteral("The search index could not be written."));
}

common::Error SearchFile::noTokenizer()
{
    return Error(ErrorCode::Unavailable, QStringLiteral("The search index cannot split texts into words: SQLite's "
                                                        "FTS5 tokenizer is not available."));
}

} // namespace ccr::server
