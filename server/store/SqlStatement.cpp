#include "SqlStatement.h"

#include "Database.h"
#include "StatementCache.h"

namespace ccr::server {

SqlStatement::~SqlStatement()
{
    giveBack();
}

void SqlStatement::giveBack()
{
    if (m_cached)
        m_database.statements().release(m_sql);
    m_cached = nullptr;
    m_own.reset();
}

bool SqlStatement::exec(const QString& sql, const QVariantList& values)
{
    if (!m_cached || sql != m_sql) {
        giveBack();
        m_sql = sql;
        m_cached = m_database.statements().acquire(sql);
        if (!m_cached) {
            m_own.emplace(m_database.connection());
            m_own->setForwardOnly(true);
            if (!m_own->prepare(sql))
                return false;
        }
    }
    QSqlQuery& statement = query();
    for (qsizetype i = 0; i < values.size(); ++i)
        statement.bindValue(static_cast<int>(i), values.at(i));
    return statement.exec();
}

QSqlQuery& SqlStatement::query()
{
    if (m_cached)
        return *m_cached;
    if (!m_own)
        m_own.emplace(m_database.connection());
    return *m_own;
}

const QSqlQuery& SqlStatement::query() const
{
    return const_cast<SqlStatement*>(this)->query();
}

} // namespace ccr::server
