#include "StatementCache.h"

namespace ccr::server {

QSqlQuery* StatementCache::acquire(const QString& sql)
{
    if (auto found = m_entries.constFind(sql); found != m_entries.constEnd()) {
        Entry& entry = **found;
        if (entry.lent)
            return nullptr;
        entry.lent = true;
        return &entry.query;
    }
    makeRoom();
    auto entry = std::make_shared<Entry>(Entry{QSqlQuery(m_db), false});
    // Forward only: rows are read once, and Qt keeps no copy of them.
    entry->query.setForwardOnly(true);
    if (!entry->query.prepare(sql))
        return nullptr;
    entry->lent = true;
    QSqlQuery* query = &entry->query;
    m_entries.insert(sql, std::move(entry));
    return query;
}

void StatementCache::release(const QString& sql)
{
    if (auto found = m_entries.constFind(sql); found != m_entries.constEnd()) {
        (*found)->query.finish();
        (*found)->lent = false;
    }
}

void StatementCache::makeRoom()
{
    if (m_entries.size() < kCapacity)
        return;
    // Texts built from filters can vary without end; start over rather than track use.
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if ((*it)->lent)
            ++it;
        else
            it = m_entries.erase(it);
    }
}

void StatementCache::clear()
{
    m_entries.clear();
}

} // namespace ccr::server
