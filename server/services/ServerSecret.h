#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace ccr::server {

/**
 * 32 random bytes kept in server-secret.key (0600) in the data directory, never in the
 * database: a stolen database alone cannot check reset codes offline.
 */
class ServerSecret final
{
public:
    /** Loads the key, making it on first start. */
    static common::Result<ServerSecret> loadOrCreate(const QString& dataDir);

    /** HMAC-SHA256 of the message under the key. */
    QByteArray mac(const QByteArray& message) const;
    /** AES-256-GCM with a key derived for this purpose: nonce, ciphertext and tag in one blob. */
    QByteArray seal(const QByteArray& plain) const;
    /** The plain bytes, or nothing if the blob was not sealed with this key or was altered. */
    std::optional<QByteArray> open(const QByteArray& sealed) const;
    const QByteArray& key() const { return m_key; }

private:
    explicit ServerSecret(QByteArray key) : m_key(std::move(key)) {}
    QByteArray m_key;
};

} // namespace ccr::server
