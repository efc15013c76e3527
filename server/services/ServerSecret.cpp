#include "ServerSecret.h"

#include <QDir>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QSaveFile>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

constexpr int kKeyBytes = 32;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

unsigned char* bytes(QByteArray& array)
{
    return reinterpret_cast<unsigned char*>(array.data());
}

const unsigned char* bytes(const QByteArray& array)
{
    return reinterpret_cast<const unsigned char*>(array.constData());
}

} // namespace

common::Result<ServerSecret> ServerSecret::loadOrCreate(const QString& dataDir)
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("server-secret.key"));
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return Error(ErrorCode::Unavailable,
                         QStringLiteral("Cannot read %1: %2").arg(path, existing.errorString()));
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

namespace ccr::server {

QByteArray ServerSecret::seal(const QByteArray& plain) const
{
    const QByteArray key = mac("ccr sealing key v1");
    QByteArray nonce(kNonceBytes, Qt::Uninitialized);
    if (RAND_bytes(bytes(nonce), kNonceBytes) != 1)
        qFatal("no secure randomness for sealing");
    QByteArray cipher(plain.size(), Qt::Uninitialized);
    QByteArray tag(kTagBytes, Qt::Uninitialized);
    CipherContext context(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int length = 0;
    int finalLength = 0;
    if (!context || EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1 ||
        EVP_EncryptUpdate(context.get(), bytes(cipher), &length, bytes(plain), static_cast<int>(plain.size())) != 1 ||
        EVP_EncryptFinal_ex(context.get(), bytes(cipher) + length, &finalLength) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, tag.data()) != 1)
        qFatal("AES-256-GCM sealing failed");
    return nonce + cipher + tag;
}

std::optional<QByteArray> ServerSecret::open(const QByteArray& sealed) const
{
    if (sealed.size() < kNonceBytes + kTagBytes)
        return std::nullopt;
    const QByteArray key = mac("ccr sealing key v1");
    const QByteArray nonce = sealed.left(kNonceBytes);
    const QByteArray cipher = sealed.mid(kNonceBytes, sealed.size() - kNonceBytes - kTagBytes);
    QByteArray tag = sealed.right(kTagBytes);
    QByteArray plain(cipher.size(), Qt::Uninitialized);
    CipherContext context(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int length = 0;
    int finalLength = 0;
    if (!context || EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1 ||
        EVP_DecryptUpdate(context.get(), bytes(plain), &length, bytes(cipher), static_cast<int>(cipher.size())) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1 ||
        EVP_DecryptFinal_ex(context.get(), bytes(plain) + length, &finalLength) != 1)
        return std::nullopt;
    return plain;
}

} // namespace ccr::server
