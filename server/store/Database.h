#pragma once

#include "common/Result.h"

#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace ccr::server {

class GroupCommit;
class LogRestart;
class FtsTokenizer;
class StatementCache;
class TextSizeCache;

/** How hard SQLite works to keep a commit: Normal survives a process crash, Full a power loss. */
enum class Durability
{
    Normal,
    Full,
};

/**
 * Owns the SQLite connection of one server instance: opens the file in WAL mode, applies
 * pending migrations and refuses a database written by a newer server. All SQL of the
 * server lives in this folder; other layers only see the store classes.
 */
class Database final
{
    Q_DISABLE_COPY_MOVE(Database)
public:
    Database();
    ~Database();

    /** Opens and migrates the main database, and attaches its search file read-only (see SearchFile). */
    common::Result<void> open(const QString& filePath, Durability durability = Durability::Normal);
    /** A read-only connection to a database another connection already opened and migrated, search file included. */
    common::Result<void> openReadOnly(const QString& filePath);
    /**
     * The search indexer's connection: the search file of the main database at mainPath,
     * read-write, with the main database attached read-only as SearchFile::kDeskSchema.
     */
    common::Result<void> openSearchIndex(const QString& mainPath, Durability durability = Durability::Normal);
    void close();

    QSqlDatabase& connection() { return m_db; }
    /** The connection's prepared statements; use them through SqlStatement. */
    StatementCache& statements() { return *m_statements; }
    int schemaVersion() const;
    QString filePath() const { return m_filePath; }

    /** Checkpoints are left to another connection (see Checkpointer); false if SQLite refused. */
    bool stopAutomaticCheckpoints();
    /** The writer's own checkpoints that let the log start over (nullptr until stopAutomaticCheckpoints). */
    const LogRestart* logRestart() const { return m_logRestart.get(); }
    /** The search tables' tokenizer on this connection, made on first use; nullptr without FTS5. */
    const FtsTokenizer* tokenizer();
    /** From now on, Transaction(Database&) joins one shared commit per event-loop turn (see GroupCommit). */
    void enableGroupCommit();
    /** The shared commit, or nullptr when every Transaction commits on its own. */
    GroupCommit* groupCommit() const { return m_groupCommit.get(); }
    /**
     * Lets one store keep rows of table in memory on this connection (RowCache); false when
     * another store already does, since a write through one would leave the other's stale.
     */
    bool claimRowCache(const QString& table)
    {
        if (m_rowCaches.contains(table))
            return false;
        m_rowCaches.insert(table);
        return true;
    }
    void releaseRowCache(const QString& table) { m_rowCaches.remove(table); }

private:
    /** Adds and opens the Qt connection with the driver's connect options. */
    common::Result<void> connect(const QString& filePath, const QString& options);
    /** WAL and the synchronous level of durability; an error names filePath. */
    common::Result<void> configureWrites(const QString& filePath, Durability durability);

    QString m_connectionName;
    QString m_filePath;
    QSqlDatabase m_db;
    std::unique_ptr<GroupCommit> m_groupCommit;
    std::unique_ptr<StatementCache> m_statements;
    std::unique_ptr<LogRestart> m_logRestart;
    std::unique_ptr<FtsTokenizer> m_tokenizer;
    std::unique_ptr<TextSizeCache> m_textSizes; // for ccr_hits; outlives the connection
    QSet<QString> m_rowCaches;
};

} // namespace ccr::server
