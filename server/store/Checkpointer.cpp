#include "Checkpointer.h"

#include "StoreLog.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ccr::server {

Checkpointer::Checkpointer(QString databasePath, Durability durability, QObject* parent)
    : QThread(parent), m_databasePath(std::move(databasePath)), m_durability(durability)
{}

Checkpointer::~Checkpointer()
{
    end();
}

bool Checkpointer::begin()
{
    start();
    QMutexLocker lock(&m_mutex);
    while (!m_decided)
        m_wake.wait(&m_mutex);
    return m_opened;
}

void Checkpointer::end()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
    }
    m_wake.wakeAll();
    wait();
}

Checkpointer::Progress Checkpointer::progress() const
{
    QMutexLocker lock(&m_mutex);
    return m_progress;
}

void Checkpointer::run()
{
    Database database;
    const auto opened = database.open(m_databasePath, m_durability);
    if (!opened)
        qCWarning(lcStore) << "checkpoints stay with the writer:" << opened.error().message;
    {
        QMutexLocker lock(&m_mutex);
        m_opened = opened.ok();
        m_decided = true;
    }
    m_wake.wakeAll();
    if (!opened)
        return;
    QSqlQuery checkpoint(database.connection());
    QMutexLocker lock(&m_mutex);
    while (!m_stopping) {
        // While the log is large, the writer is about to start it over (LogRestart) and must
        // first copy and sync whatever is not copied yet: rounds close together leave it little.
        m_wake.wait(&m_mutex, m_progress.logPages >= kBusyLogPages ? kBusyIntervalMs : kIntervalMs);
        if (m_stopping)
            break;
        lock.unlock();
        // Columns: busy (0 or 1), pages in the log, of those copied into the database file.
        Progress now;
        const bool done = checkpoint.exec(QStringLiteral("PRAGMA main.wal_checkpoint(PASSIVE)")) && checkpoint.next();
        // Busy (the writer is checkpointing itself, LogRestart): -1 pages; the last figures stay.
        const bool busy = done && checkpoint.value(0).toInt() != 0;
        if (busy) {
            now.logPages = m_progress.logPages;
            now.copiedPages = m_progress.copiedPages;
        } else if (done) {
            now.logPages = checkpoint.value(1).toInt();
            now.copiedPages = checkpoint.value(2).toInt();
        } else {
            qCWarning(lcStore) << "checkpoint failed:" << checkpoint.lastError().text();
        }
        checkpoint.finish();
        lock.relock();
        if (done) {
            now.checkpoints = m_progress.checkpoints + 1;
            m_progress = now;
        }
    }
}

} // namespace ccr::server
