#include "Transaction.h"

#include "Database.h"
#include "GroupCommit.h"
#include "StoreLog.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ccr::server {

Transaction::Transaction(QSqlDatabase& db, Begin begin) : m_db(db)
{
    this->begin(begin);
}

Transaction::Transaction(Database& database) : m_db(database.connection()), m_group(database.groupCommit())
{
    if (!m_group) {
        begin(Begin::Immediate);
        return;
    }
    m_savepoint = m_group->enter();
    m_active = !m_savepoint.isEmpty();
}

void Transaction::begin(Begin begin)
{
    QSqlQuery query(m_db);
    m_active = query.exec(begin == Begin::Immediate ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    if (!m_active)
        qCWarning(lcStore) << "cannot begin transaction:" << query.lastError().text();
}

Transaction::~Transaction()
{
    if (m_active && m_group) {
        m_group->rollback(m_savepoint);
    } else if (m_active) {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("ROLLBACK")))
            qCWarning(lcStore) << "rollback failed:" << query.lastError().text();
    }
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    if (m_group) {
        m_active = false;
        if (m_group->release(m_savepoint))
            return true;
        qCWarning(lcStore) << "cannot keep the changes of savepoint" << m_savepoint;
        return false;
    }
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        qCWarning(lcStore) << "commit failed:" << query.lastError().text();
        return false;
    }
    m_active = false;
    return true;
}

} // namespace ccr::server
