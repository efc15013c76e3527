#pragma once

#include <QSqlDatabase>

namespace ccr::server {

/** Begins a write transaction (BEGIN IMMEDIATE) and rolls it back unless commit() succeeded. */
class Transaction final
{
    Q_DISABLE_COPY_MOVE(Transaction)
public:
    explicit Transaction(QSqlDatabase& db);
    ~Transaction();

    bool isActive() const { return m_active; }
    bool commit();

private:
    QSqlDatabase& m_db;
    bool m_active = false;
};

} // namespace ccr::server
