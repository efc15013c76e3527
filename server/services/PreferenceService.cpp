#include "PreferenceService.h"

#include "common/FieldError.h"
#include "store/Database.h"
#include "store/PreferenceStore.h"
#include "store/Transaction.h"

namespace ccr::server {

common::Result<common::NotificationPreferences> PreferenceService::get(qint64 userId) const
{
    auto disabled = m_store.optOuts(userId);
    if (!disabled)
        return disabled.error();
    common::NotificationPreferences preferences{disabled.value(), {}};
    for (const auto kind : common::allNotificationKinds()) {
        if (common::canOptOut(kind))
            preferences.optional.append(kind);
    }
    return preferences;
}

common::Result<common::NotificationPreferences> PreferenceService::set(qint64 userId,
                                                                       const common::NotificationPreferences& wanted)
{
    for (const auto kind : wanted.disabled) {
        if (!common::canOptOut(kind))
            return common::validationError({{QStringLiteral("disabled"), common::FieldProblem::InvalidFormat}});
    }
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return common::Error(common::ErrorCode::Internal, QStringLiteral("The settings could not be saved."));
    if (auto saved = m_store.setOptOuts(userId, wanted.disabled); !saved)
        return saved.error();
    if (!transaction.commit())
        return common::Error(common::ErrorCode::Internal, QStringLiteral("The settings could not be saved."));
    return get(userId);
}

} // namespace ccr::server
