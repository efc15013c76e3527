#pragma once

#include "Caller.h"
#include "common/Result.h"
#include "common/tickets/CategoryInfo.h"
#include "common/tickets/CategoryList.h"

namespace ccr::server {

class CategoryStore;
class Clock;

/** Admin-managed ticket categories; a deactivated category keeps its tickets. */
class CategoryService final
{
public:
    CategoryService(CategoryStore& store, const Clock& clock) : m_store(store), m_clock(clock) {}

    /** Only admins see inactive categories; everyone else picks from the active ones. */
    common::Result<common::CategoryList> list(const Caller& caller, bool includeInactive) const;
    common::Result<common::CategoryInfo> create(const QString& name);
    common::Result<common::CategoryInfo> rename(qint64 categoryId, const QString& name);
    common::Result<common::CategoryInfo> setActive(qint64 categoryId, bool active);

private:
    common::Result<common::CategoryInfo> reload(qint64 categoryId) const;

    CategoryStore& m_store;
    const Clock& m_clock;
};

} // namespace ccr::server
