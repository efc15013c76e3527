#include "UserRecord.h"

namespace ccr::server {

common::UserInfo UserRecord::toUserInfo() const
{
    return common::UserInfo{id, email, displayName, role, state, locale, createdAt, lastSignInAt};
}

} // namespace ccr::server
