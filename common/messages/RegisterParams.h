#pragma once

#include "../Result.h"

#include <QCborMap>
#include <QString>

namespace ccr::common {

/** auth.register params. requestAdmin asks for an admin account that waits for approval. */
struct RegisterParams
{
    QString email;
    QString displayName;
    QString password;
    QString passwordConfirmation;
    bool requestAdmin = false;
    QString locale;

    QCborMap toCbor() const;
    static Result<RegisterParams> fromCbor(const QCborMap& map);
    friend bool operator==(const RegisterParams&, const RegisterParams&) = default;
};

} // namespace ccr::common
