#pragma once

#include "../Result.h"

#include <QCborMap>
#include <QString>

namespace ccr::common {

/** auth.resume params: a session token from an earlier sign-in. */
struct ResumeParams
{
    QString token;

    QCborMap toCbor() const;
    static Result<ResumeParams> fromCbor(const QCborMap& map);
    friend bool operator==(const ResumeParams&, const ResumeParams&) = default;
};

} // namespace ccr::common
