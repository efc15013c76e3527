#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace ccr::server {

/**
 * The search index lives in a SQLite file of its own next to the main database
 * ("ccr-search.sqlite3" beside "ccr.sqlite3"), written only by the search indexer's
 * thread. A file of its own has a write lock of its own: indexing never holds up the
 * writes of requests, which take the main file's lock. Every other connection attaches it
 * read-only as `search`, so its tables (ticket_search, customer_search) are found by
 * their plain names. Everything in it can be rebuilt from the main database.
 */
class SearchFile final
{
public:
    /** The schema attached under this name on the main writer's and the readers' connections. */
    static constexpr auto kSchema = "search";
    /** The main database attached under this name on the indexer's connection. */
    static constexpr auto kDeskSchema = "desk";

    /** The search file that belongs to the main database at mainPath. */
    static QString pathFor(const QString& mainPath);
    /**
     * Creates the file and its tables if missing (WAL; the indexer's connection sets its
     * synchronous level, the one that writes it), with a
     * connection of its own that is closed again; an `unavailable` error says why not.
     */
    static common::Result<void> prepare(const QString& path);
    /** Creates the search tables in db's main schema if they are missing. */
    static common::Result<void> createTables(QSqlDatabase& db);
    /** Empties the index: its tables are dropped and made anew. */
    static common::Result<void> recreateTables(QSqlDatabase& db);
    /**
     * Attaches the file at path to db under schema, read-only, so that a BEGIN IMMEDIATE on
     * db never takes its write lock. db must be opened with QSQLITE_OPEN_URI.
     */
    static common::Result<void> attachReadOnly(QSqlDatabase& db, const QString& path, const QString& schema);
    /** A statement writing the index failed (logged with SQLite's error). */
    static common::Error writeFailed(const QSqlQuery& query);
    /** Texts cannot be indexed: this SQLite has no FTS5 tokenizer to split them. */
    static common::Error noTokenizer();
};

} // namespace ccr::server
