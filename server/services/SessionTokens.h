#pragma once

#include <QByteArray>
#include <QString>

namespace ccr::server::SessionTokens {

/** 32 random bytes from OpenSSL as unpadded base64url: what the client keeps. */
QString generate();

/** SHA-256 of the token: what the server stores, so a stolen database holds no usable token. */
QByteArray hash(const QString& token);

} // namespace ccr::server::SessionTokens
