#include "CategoryHandlers.h"

#include "common/Protocol.h"
#include "common/tickets/CategoryResult.h"
#include "common/tickets/CreateCategoryParams.h"
#include "common/tickets/ListCategoriesParams.h"
#include "common/tickets/RenameCategoryParams.h"
#include "common/tickets/SetCategoryActiveParams.h"
#include "net/Dispatcher.h"
#include "services/CategoryService.h"

namespace ccr::server::CategoryHandlers {

namespace Method = common::Protocol::Method;

namespace {

common::Result<common::CategoryResult> asCategoryResult(const common::Result<common::CategoryInfo>& category)
{
    if (!category)
        return category.error();
    return common::CategoryResult{category.value()};
}

} // namespace

void registerIn(Dispatcher& dispatcher, CategoryService& categories)
{
    dispatcher.addTyped<common::ListCategoriesParams>(
        Method::ListCategories, [&categories](const CallContext& call, const auto& params, const Responder& out) {
            out.send(categories.list(call.caller, params.includeInactive));
        });
    dispatcher.addTyped<common::CreateCategoryParams>(
        Method::CreateCategory, [&categories](const CallContext&, const auto& params, const Responder& out) {
            out.send(asCategoryResult(categories.create(params.name)));
        });
    dispatcher.addTyped<common::RenameCategoryParams>(
        Method::RenameCategory, [&categories](const CallContext&, const auto& params, const Responder& out) {
            out.send(asCategoryResult(categories.rename(params.categoryId, params.name)));
        });
    dispatcher.addTyped<common::SetCategoryActiveParams>(
        Method::SetCategoryActive, [&categories](const CallContext&, const auto& params, const Responder& out) {
            out.send(asCategoryResult(categories.setActive(params.categoryId, params.active)));
        });
}

} // namespace ccr::server::CategoryHandlers
