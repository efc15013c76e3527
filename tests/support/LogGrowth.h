#pragma once

#include "store/LogRestart.h"

#include <QString>

namespace ccr::test {

/**
 * The largest the writer's -wal file may grow under LogRestart: past kStartOverFrames it grows
 * by what is committed while a Checkpointer round holds the copy (the writer's attempts are
 * busy meanwhile): 8,300 pages were seen in CI under the sanitizers while other tests synced
 * their files.
 */
inline constexpr qint64 kLargestLogBytes = 2 * server::LogRestart::kStartOverFrames * qint64{4096 + 24};

/** How far the log grew and what the writer's checkpoints did, for a failure message. */
inline QString logGrowth(qint64 largestLog, const server::LogRestart& restart)
{
    return QStringLiteral("the log grew to %1 bytes; the writer checkpointed %2 times, %3 completely")
        .arg(largestLog)
        .arg(restart.attempts())
        .arg(restart.completed());
}

} // namespace ccr::test
