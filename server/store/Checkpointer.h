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
 * the writer or the readers.
 */
class Checkpointer final : public QThread
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 200;

    Checkpointer(QString databasePath, Durability durability, QObject* parent = nullptr);
    ~Checkpointer() override;

    /** Starts the thread; false (with the reason logged) if its connection cannot open. */
    bool begin();
    void end();
    /** Log pages copied into the database file so far. */
    qint64 pagesCopied() const;

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
    qint64 m_pagesCopied = 0;
};

} // namespace ccr::server
