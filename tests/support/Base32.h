#pragma once

#include <QByteArray>
#include <QString>

namespace ccr::tests {

/** RFC 4648 base32 (no padding), as an authenticator app decodes the key it is given. */
inline QByteArray fromBase32(const QString& text)
{
    static const QByteArray alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    QByteArray bytes;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar c : text) {
        const auto value = alphabet.indexOf(static_cast<char>(c.toUpper().toLatin1()));
        if (value < 0)
            return {};
        buffer = (buffer << 5) | static_cast<quint32>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            bytes.append(static_cast<char>((buffer >> bits) & 0xff));
        }
    }
    return bytes;
}

} // namespace ccr::tests
