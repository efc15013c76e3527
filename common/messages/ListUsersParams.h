#pragma once

#include "../Result.h"
#include "../Role.h"
#include "../UserState.h"
#include <optional>

#include <QCborMap>
#include <QString>

namespace ccr::common {

/** admin.listUsers params: both filters are optional. */
struct ListUsersParams
{
    std::optional<Role> role;
    std::optional<UserState> state;

    QCborMap toCbor() const;
    static Result<ListUsersParams> fromCbor(const QCborMap& map);
    friend bool operator==(const ListUsersParams&, const ListUsersParams&) = default;
};

} // namespace ccr::common
