#pragma once

#include <QByteArray>
#include <QDateTime>

namespace ccr::server {

/** A sessions row. Only the SHA-256 of the token is stored; the token itself is the client's. */
struct SessionRecord
{
    qint64 id = 0;
    qint64 userId = 0;
    QByteArray tokenHash;
    QDateTime createdAt;
    QDateTime expiresAt;
    QString clientAddress;
};

} // namespace ccr::server
