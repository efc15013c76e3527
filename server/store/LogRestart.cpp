#include "LogRestart.h"

#include "SqliteHandle.h"
#include "StoreLog.h"

#include <sqlite3.h>

#include <cstring>

namespace ccr::server {

void LogRestart::install(QSqlDatabase& db)
{
    sqlite3* connection = sqliteHandle(db);
    if (!connection) {
        qCWarning(lcStore) << "the log cannot be watched: the connection is not a SQLite one";
        return;
    }
    sqlite3_wal_hook(connection, &LogRestart::afterCommit, this);
}

int LogRestart::afterCommit(void* self, sqlite3* connection, const char* schema, int logFrames)
{
    auto* state = static_cast<LogRestart*>(self);
    if (std::strcmp(schema, "main") != 0)
        return SQLITE_OK;
    if (logFrames < state->m_nextAttempt) {
        // The log started over since the last attempt.
        if (logFrames < kStartOverFrames)
            state->m_nextAttempt = kStartOverFrames;
        return SQLITE_OK;
    }
    ++state->m_attempts;
    int inLog = 0;
    int copied = 0;
    const int result = sqlite3_wal_checkpoint_v2(connection, "main", SQLITE_CHECKPOINT_PASSIVE, &inLog, &copied);
    if (result == SQLITE_OK && copied == inLog) {
        ++state->m_completed;
        // The next transaction starts the log over, unless a reader still reads from it: then
        // not again before it grew by kRetryFrames (a smaller log resets this, above).
        state->m_nextAttempt = logFrames + kRetryFrames;
    } else if (result == SQLITE_BUSY) {
        // The Checkpointer is copying right now: cheap to ask again after the next commit.
        state->m_nextAttempt = logFrames + 1;
    } else {
        // A reader still needs older pages; what could be copied was, and synced: that
        // costs, so not again before the log grew by kRetryFrames.
        state->m_nextAttempt = logFrames + kRetryFrames;
    }
    return SQLITE_OK;
}

} // namespace ccr::server
