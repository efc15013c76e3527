#pragma once

#include "../Result.h"
#include "../UserState.h"

#include <QCborMap>
#include <QString>

namespace ccr::common {

/** admin.setUserState params: active or disabled. */
struct SetUserStateParams
{
    qint64 userId = 0;
    UserState state = UserState::Active;

    QCborMap toCbor() const;
    static Result<SetUserStateParams> fromCbor(const QCborMap& map);
    friend bool operator==(const SetUserStateParams&, const SetUserStateParams&) = default;
};

} // namespace ccr::common
