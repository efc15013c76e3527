#include "UserList.h"

#include "../CborFields.h"

#include <QCborArray>

namespace ccr::common {

QCborMap UserList::toCbor() const
{
    QCborArray array;
    for (const auto& user : users)
        array.append(user.toCbor());
    return {{QLatin1String("users"), array}};
}

Result<UserList> UserList::fromCbor(const QCborMap& map)
{
    CborFields fields(map);
    const QCborArray array = fields.array(QLatin1String("users"));
    if (!fields.ok())
        return fields.error();
    UserList list;
    for (const auto& value : array) {
        auto user = UserInfo::fromCbor(value.toMap());
        if (!user)
            return user.error();
        list.users.append(std::move(user).value());
    }
    return list;
}

} // namespace ccr::common
