#include "SessionTokens.h"

#include <QCryptographicHash>

#include <openssl/rand.h>

namespace ccr::server::SessionTokens {

QString generate()
{
    QByteArray bytes(32, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size())) != 1)
        qFatal("OpenSSL RAND_bytes failed: no secure randomness available");
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray hash(const QString& token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace ccr::server::SessionTokens
