#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <memory>

namespace ccr::server {

/**
 * The prepared statements of one connection, kept by their SQL text. Preparing costs more
 * than running most of the server's statements (a fifth of a ticket's creation before this
 * cache), so each text is prepared once and reset between uses. A statement is lent to one
 * user at a time; a second user of the same text at the same time gets a fresh, uncached one.
 */
class StatementCache final
{
    Q_DISABLE_COPY_MOVE(StatementCache)
public:
    static constexpr int kCapacity = 256;

    explicit StatementCache(QSqlDatabase& db) : m_db(db) {}

    /** A statement prepared for sql that nobody else holds, or nullptr when it cannot be
     *  cached (in use, or it failed to prepare: then the caller prepares its own and sees why). */
    QSqlQuery* acquire(const QString& sql);
    /** Resets the statement acquired for sql (ends its read, drops its result) and makes it available again. */
    void release(const QString& sql);
    /** Forgets every statement; none may be lent out. */
    void clear();
    int size() const { return static_cast<int>(m_entries.size()); }

private:
    struct Entry
    {
        QSqlQuery query;
        bool lent = false;
    };

    void makeRoom();

    QSqlDatabase& m_db;
    QHash<QString, std::shared_ptr<Entry>> m_entries;
};

} // namespace ccr::server
