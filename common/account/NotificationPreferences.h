#pragma once

#include "../CborCodec.h"
#include "../NotificationKind.h"

#include <QCborMap>
#include <QList>

namespace ccr::common {

/** account.getNotificationPreferences result and account.setNotificationPreferences params: the kinds of mail turned off. optional lists what may be turned off (results only). */
struct NotificationPreferences
{
    QList<NotificationKind> disabled;
    QList<NotificationKind> optional;

    static auto fields()
    {
        return std::tuple{cbor::required("disabled", &NotificationPreferences::disabled, 100),
                          cbor::optional("optional", &NotificationPreferences::optional, 100)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<NotificationPreferences> fromCbor(const QCborMap& map) { return cbor::fromMap<NotificationPreferences>(map); }
    friend bool operator==(const NotificationPreferences&, const NotificationPreferences&) = default;
};

} // namespace ccr::common
