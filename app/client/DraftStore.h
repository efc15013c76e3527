#pragma once

#include "common/Result.h"

#include <QCborMap>
#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QVariantMap>

namespace ccr::app {

/**
 * Half-written texts (a new ticket, a reply) of one user on one server, kept on disk so a
 * disconnect, a crash or a restart loses nothing. Each draft is a map of fields (subject,
 * description, category, attachment paths, reply body, ...) under a key such as
 * newTicketKey() or replyKey(id).
 *
 * save() is cheap enough for every text change: the file is written at most once per
 * flushDelayMs(), and on flush() and destruction. All users and servers share one CBOR file,
 * written atomically (QSaveFile); a flush re-reads it and replaces only the drafts this store
 * changed, so several stores (users, windows) never undo each other's drafts. The file is
 * read on first use. A file that cannot be decoded is moved aside (".corrupt") with a
 * warning and the store starts empty; a file that cannot be read is never overwritten.
 */
class DraftStore final : public QObject
{
    Q_OBJECT
public:
    /** Drafts of userId on host:port in defaultFilePath(). */
    DraftStore(const QString& host, quint16 port, qint64 userId, QObject* parent = nullptr);
    /** The same in a file of its own. */
    DraftStore(const QString& filePath, const QString& host, quint16 port, qint64 userId, QObject* parent = nullptr);
    /** Writes what is not written yet. */
    ~DraftStore() override;

    /** "drafts.cbor" in the app's data location (QStandardPaths::AppDataLocation). */
    static QString defaultFilePath();
    static QString newTicketKey();
    static QString replyKey(qint64 ticketId);

    /** Keeps the fields under key, replacing what was there; an empty map removes the draft. */
    void save(const QString& key, const QVariantMap& fields);
    /** The draft's fields; empty when there is none. Lists come back as QVariantList. */
    QVariantMap load(const QString& key) const;
    /** When the draft was last saved; invalid when there is none. */
    QDateTime savedAt(const QString& key) const;
    bool contains(const QString& key) const;
    void remove(const QString& key);
    /** This user's draft keys on this server, sorted. */
    QStringList keys() const;

    /** Writes pending changes now. On failure they stay pending and writeFailed() is emitted. */
    common::Result<void> flush();
    bool hasPendingChanges() const { return !m_changed.isEmpty(); }

    QString filePath() const { return m_filePath; }
    int flushDelayMs() const { return m_flushTimer.interval(); }
    void setFlushDelayMs(int ms) { m_flushTimer.setInterval(ms); }
    static constexpr int kDefaultFlushDelayMs = 500;

Q_SIGNALS:
    /** The drafts could not be written; they are still in memory and written on the next try. */
    void writeFailed(const ccr::common::Error& error);

private:
    void ensureLoaded() const;
    void adopt(const QCborMap& scope) const;
    common::Result<QCborMap> readScopes() const;
    common::Result<void> setAside() const;
    common::Result<void> write(const QCborMap& scopes);
    void changed(const QString& key);

    const QString m_filePath;
    const QString m_scope;
    QTimer m_flushTimer;
    // Filled on first use, hence mutable: reading is logically const.
    mutable bool m_loaded = false;
    mutable QCborMap m_drafts;
    QSet<QString> m_changed;
};

} // namespace ccr::app
