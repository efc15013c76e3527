#include "Transaction.h"

#include "StoreLog.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ccr::server {

Transaction::Transaction(QSqlDatabase& db) : m_db(db)
{
    // IMMEDIATE takes the write lock up front, so a transaction never fails half-way on SQLITE_BUSY.
    QSqlQuery query(m_db);
    m_active = query.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_active)
        qCWarning(lcStore) << "cannot begin transaction:" << query.lastError().text();
}

Transaction::~Transaction()
{
    if (m_active) {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("ROLLBACK")))
            qCWarning(lcStore) << "rollback failed:" << query.lastError().text();
    }
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        qCWarning(lcStore) << "commit failed:" << query.lastError().text();
        return false;
    }
    m_active = false;
    return true;
}

} // namespace ccr::server
