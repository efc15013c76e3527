#include "PasswordHasher.h"

#include <QByteArray>
#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace ccr::server {

namespace {

constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;
constexpr int kMaxLog2N = 22;
const QString kScheme = QStringLiteral("scrypt");

QByteArray derive(const QByteArray& password, const QByteArray& salt, ScryptCost cost)
{
    QByteArray out(kHashBytes, Qt::Uninitialized);
    const quint64 n = quint64{1} << cost.log2N;
    // Memory needed is 128 * r * N (+ 128 * r * p); allow twice that so OpenSSL's default cap does not refuse it.
    const quint64 maxMemory = 2 * (128ULL * cost.r * n + 128ULL * cost.r * cost.p) + 1024 * 1024;
    const int rc =
        EVP_PBE_scrypt(password.constData(), static_cast<size_t>(password.size()),
                       reinterpret_cast<const unsigned char*>(salt.constData()), static_cast<size_t>(salt.size()), n,
                       static_cast<quint64>(cost.r), static_cast<quint64>(cost.p), maxMemory,
                       reinterpret_cast<unsigned char*>(out.data()), static_cast<size_t>(out.size()));
    return rc == 1 ? out : QByteArray();
}

} // namespace

QString PasswordHasher::hash(const QString& password) const
{
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), kSaltBytes) != 1)
        qFatal("OpenSSL RAND_bytes failed: no secure randomness available");
    const QByteArray derived = derive(password.toUtf8(), salt, m_cost);
    if (derived.isEmpty())
        qFatal("scrypt failed for cost log2N=%d r=%d p=%d", m_cost.log2N, m_cost.r, m_cost.p);
    return QStringList{kScheme,
                       QString::number(m_cost.log2N),
                       QString::number(m_cost.r),
                       QString::number(m_cost.p),
                       QString::fromLatin1(salt.toBase64()),
                       QString::fromLatin1(derived.toBase64())}
        .join(QLatin1Char('$'));
}

bool PasswordHasher::verify(const QString& password, const QString& encoded)
{
    const QStringList parts = encoded.split(QLatin1Char('$'));
    if (parts.size() != 6 || parts.at(0) != kScheme)
        return false;
    ScryptCost cost;
    bool okN = false, okR = false, okP = false;
    cost.log2N = parts.at(1).toInt(&okN);
    cost.r = parts.at(2).toInt(&okR);
    cost.p = parts.at(3).toInt(&okP);
    if (!okN || !okR || !okP || cost.log2N < 1 || cost.log2N > kMaxLog2N || cost.r < 1 || cost.r > 64 || cost.p < 1 ||
        cost.p > 16)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts.at(4).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts.at(5).toLatin1());
    if (expected.size() != kHashBytes)
        return false;
    const QByteArray actual = derive(password.toUtf8(), salt, cost);
    return actual.size() == expected.size() && CRYPTO_memcmp(actual.constData(), expected.constData(), kHashBytes) == 0;
}

} // namespace ccr::server
