#pragma once

#include <QSqlDatabase>

struct sqlite3;

namespace ccr::server {

/**
 * Keeps the writer's log file (the -wal file) from growing without end while writes never
 * pause. The Checkpointer copies the log into the database on its own thread, but a log
 * only starts over when every page in it was copied at the moment the writer begins its
 * next transaction; a writer that commits every millisecond never gives the Checkpointer
 * that moment, and the log grew by 150 MB a second under the create benchmark. So after a
 * commit that leaves the log at kStartOverFrames pages or more, the writer itself finishes
 * the copy (a passive checkpoint: little is left by then), and its next transaction starts
 * the log over. If a reader still needs older pages, it tries again kRetryFrames later;
 * if the Checkpointer is copying at that moment, after the next commit. So past
 * kStartOverFrames the log grows by what is committed during one Checkpointer round (its
 * copy and sync), and further only while a reader holds an old snapshot.
 */
class LogRestart final
{
public:
    static constexpr int kStartOverFrames = 16384; // 64 MiB of 4 KiB pages, as journal_size_limit
    static constexpr int kRetryFrames = 4096;

    /**
     * Watches the commits of db's connection. Call after PRAGMA wal_autocheckpoint, which
     * replaces the watcher; this object must outlive the connection.
     */
    void install(QSqlDatabase& db);

    /** Checkpoints the writer made itself, and how many of those copied the whole log. */
    int attempts() const { return m_attempts; }
    int completed() const { return m_completed; }

private:
    static int afterCommit(void* self, sqlite3* connection, const char* schema, int logFrames);

    int m_nextAttempt = kStartOverFrames;
    int m_attempts = 0;
    int m_completed = 0;
};

} // namespace ccr::server
