#include "Totp.h"

#include <QMessageAuthenticationCode>
#include <QUrl>
#include <QtEndian>

#include <openssl/crypto.h>

namespace ccr::server::Totp {

qint64 stepAt(const QDateTime& time)
{
    return time.toSecsSinceEpoch() / kStepSeconds;
}

QString code(const QByteArray& secret, qint64 step, int digits)
{
    QByteArray counter(8, Qt::Uninitialized);
    qToBigEndian<quint64>(static_cast<quint64>(step), counter.data());
    const QByteArray mac = QMessageAuthenticationCode::hash(counter, secret, QCryptographicHash::Sha1);
    // Dynamic truncation, RFC 4226 5.3.
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 binary = (static_cast<quint32>(mac.at(offset) & 0x7f) << 24) |
                           (static_cast<quint32>(static_cast<quint8>(mac.at(offset + 1))) << 16) |
                           (static_cast<quint32>(static_cast<quint8>(mac.at(offset + 2))) << 8) |
                           static_cast<quint32>(static_cast<quint8>(mac.at(offset + 3)));
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QStringLiteral("%1").arg(binary % modulus, digits, 10, QLatin1Char('0'));
}

std::optional<qint64> verify(const QByteArray& secret, const QString& given, const QDateTime& now, qint64 lastUsedStep)
{
    const QByteArray typed = given.trimmed().remove(QLatin1Char(' ')).toLatin1();
    if (typed.size() != kDigits)
        return std::nullopt;
    const qint64 current = stepAt(now);
    for (const qint64 step : {current, current - 1, current + 1}) {
        if (step <= lastUsedStep)
            continue;
        const QByteArray expected = code(secret, step).toLatin1();
        if (CRYPTO_memcmp(expected.constData(), typed.constData(), kDigits) == 0)
            return step;
    }
    return std::nullopt;
}

QString base32(const QByteArray& bytes)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QString out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
        buffer = (buffer << 8) | static_cast<quint8>(byte);
        bits += 8;
        while (bits >= 5) {
            out.append(QLatin1Char(alphabet[(buffer >> (bits - 5)) & 0x1f]));
            bits -= 5;
        }
    }
    if (bits > 0)
        out.append(QLatin1Char(alphabet[(buffer << (5 - bits)) & 0x1f]));
    return out;
}

QString provisioningUri(const QByteArray& secret, const QString& account, const QString& issuer)
{
    // Concatenated, not QString::arg(): percent-encoded text such as "%3A" would be taken as a placeholder.
    const QString label = QString::fromLatin1(QUrl::toPercentEncoding(issuer + QLatin1Char(':') + account, "@"));
    return QStringLiteral("otpauth://totp/") + label + QStringLiteral("?secret=") + base32(secret) +
           QStringLiteral("&issuer=") + QString::fromLatin1(QUrl::toPercentEncoding(issuer)) +
           QStringLiteral("&algorithm=SHA1&digits=") + QString::number(kDigits) + QStringLiteral("&period=") +
           QString::number(kStepSeconds);
}

} // namespace ccr::server::Totp
