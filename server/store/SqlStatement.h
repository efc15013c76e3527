#pragma once

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>
#include <optional>

namespace ccr::server {

class Database;

/**
 * One use of a statement from the connection's StatementCache: exec() prepares the text only
 * the first time the connection sees it, binds the values in order and runs it; the statement
 * is reset and given back when this object goes (or the next exec() runs another text). Reads
 * like a QSqlQuery, so store code keeps its shape.
 */
class SqlStatement final
{
    Q_DISABLE_COPY_MOVE(SqlStatement)
public:
    explicit SqlStatement(Database& database) : m_database(database) {}
    ~SqlStatement();

    bool exec(const QString& sql, const QVariantList& values = {});

    bool next() { return query().next(); }
    QVariant value(int index) const { return query().value(index); }
    QVariant lastInsertId() const { return query().lastInsertId(); }
    int numRowsAffected() const { return query().numRowsAffected(); }
    QSqlError lastError() const { return query().lastError(); }

    QSqlQuery& query();
    const QSqlQuery& query() const;
    operator const QSqlQuery&() const { return query(); }

private:
    void giveBack();

    Database& m_database;
    QString m_sql;
    QSqlQuery* m_cached = nullptr;
    std::optional<QSqlQuery> m_own;
};

} // namespace ccr::server
