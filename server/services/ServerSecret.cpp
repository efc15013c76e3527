#include "ServerSecret.h"

#include <QDir>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QSaveFile>

#include <openssl/rand.h>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {
constexpr int kKeyBytes = 32;
}

common::Result<ServerSecret> ServerSecret::loadOrCreate(const QString& dataDir)
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("server-secret.key"));
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return Error(ErrorCode::Unavailable, QStringLiteral("Cannot read %1: %2").arg(path, existing.errorString()));
        QByteArray key = existing.readAll();
        if (key.size() != kKeyBytes)
            return Error(ErrorCode::Unavailable, QStringLiteral("%1 is damaged (wrong length).").arg(path));
        return ServerSecret(key);
    }
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), kKeyBytes) != 1)
        return Error(ErrorCode::Unavailable, QStringLiteral("No secure randomness for the server key."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(key) != kKeyBytes || !file.commit())
        return Error(ErrorCode::Unavailable, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    return ServerSecret(key);
}

QByteArray ServerSecret::mac(const QByteArray& message) const
{
    return QMessageAuthenticationCode::hash(message, m_key, QCryptographicHash::Sha256);
}

} // namespace ccr::server
