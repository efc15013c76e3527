#include "CategoryService.h"

#include "Clock.h"
#include "common/TicketValidation.h"
#include "store/CategoryStore.h"

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

std::optional<Error> checkName(const QString& name)
{
    if (const auto problem = common::TicketValidation::checkCategoryName(name))
        return common::validationError({{QStringLiteral("name"), *problem}});
    return std::nullopt;
}

} // namespace

common::Result<common::CategoryList> CategoryService::list(const Caller& caller, bool includeInactive) const
{
    auto categories = m_store.list(includeInactive && caller.role == common::Role::Admin);
    if (!categories)
        return categories.error();
    return common::CategoryList{categories.value()};
}

common::Result<common::CategoryInfo> CategoryService::create(const QString& name)
{
    if (auto problem = checkName(name))
        return *problem;
    auto id = m_store.insert(name.trimmed(), m_clock.now());
    if (!id)
        return id.error();
    return reload(id.value());
}

common::Result<common::CategoryInfo> CategoryService::rename(qint64 categoryId, const QString& name)
{
    if (auto problem = checkName(name))
        return *problem;
    if (auto renamed = m_store.rename(categoryId, name.trimmed()); !renamed)
        return renamed.error();
    return reload(categoryId);
}

common::Result<common::CategoryInfo> CategoryService::setActive(qint64 categoryId, bool active)
{
    if (auto changed = m_store.setActive(categoryId, active); !changed)
        return changed.error();
    return reload(categoryId);
}

common::Result<common::CategoryInfo> CategoryService::reload(qint64 categoryId) const
{
    const auto category = m_store.find(categoryId);
    if (!category)
        return Error(ErrorCode::NotFound);
    return *category;
}

} // namespace ccr::server
