#pragma once

#include "Database.h"

#include <QMutex>
#include <QString>
#include <QThread>
#include <QWaitCondition>

namespace ccr::server {

/**
 * Copies the write-ahead log back into the database file on a thread of its own, with its
 * own connection, every kIntervalMs. SQLite otherwise does this inside the commit that
 * crosses 1,000 log pages, on the thread that serves requests: that commit then also writes
 * and syncs the database file, which took 7 % of the server's time in the create benchmark
 * and made the slowest replies. Checkpoints here are PASSIVE: they never wait for, or block,
 * the writer or the readers; one that cannot copy every page (a reader still needs older
 * ones) is completed by a later one, and the writer starts the log over once one was
 * complete when it begins its next transaction. Under writes that never pause that moment
 * never comes: then the writer finishes the copy itself once the log is large (LogRestart).
 */
class Checkpointer final : public QThread
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 200;
    /** With this many pages in the log, rounds come every kBusyIntervalMs. */
    static constexpr int kBusyLogPages = 4096;
    static constexpr int kBusyIntervalMs = 20;

    Checkpointer(QString databasePath, Durability durability, QObject* parent = nullptr);
    ~Checkpointer() override;

    /** Starts the thread; false (with the reason logged) if its connection cannot open. */
    bool begin();
    void end();
    struct Progress
    {
        int logPages = 0;    // pages in the log at the last checkpoint
        int copiedPages = 0; // of those, copied into the database file (all, once no reader needs older ones)
        int checkpoints = 0; // checkpoints made so far
    };
    Progress progress() const;

protected:
    void run() override;

private:
    QString m_databasePath;
    Durability m_durability;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_stopping = false;
    bool m_opened = false;
    bool m_decided = false;
    Progress m_progress;
};

} // namespace ccr::server
