#pragma once

#include "ErrorCode.h"

#include <QCborMap>
#include <QString>

namespace ccr::common {

/** A typed error with a human message and optional structured details (e.g. field errors). */
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QCborMap details;

    Error() = default;
    Error(ErrorCode errorCode, QString text = {}, QCborMap extra = {});

    /** Wire form: {code, name, message, details?}. */
    QCborMap toCbor() const;
    static Error fromCbor(const QCborMap& map);
};

} // namespace ccr::common
