#pragma once

#include "../Result.h"

#include <QCborMap>
#include <QString>

namespace ccr::common {

/** admin.createAgent params: the agent's first password is set by the admin. */
struct CreateAgentParams
{
    QString email;
    QString displayName;
    QString password;

    QCborMap toCbor() const;
    static Result<CreateAgentParams> fromCbor(const QCborMap& map);
    friend bool operator==(const CreateAgentParams&, const CreateAgentParams&) = default;
};

} // namespace ccr::common
