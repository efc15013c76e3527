#pragma once

namespace ccr::server {

class CategoryService;
class Dispatcher;

/** categories.*: everyone lists, admins manage. */
namespace CategoryHandlers {
void registerIn(Dispatcher& dispatcher, CategoryService& categories);
}

} // namespace ccr::server
