#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace ccr::server::Totp {

/** RFC 6238 with the parameters every authenticator app uses: HMAC-SHA1, 30 s steps, 6 digits. */
inline constexpr int kStepSeconds = 30;
inline constexpr int kDigits = 6;

qint64 stepAt(const QDateTime& time);
/** The code for one time step; digits may be 6 or 8 (for the RFC's test vectors). */
QString code(const QByteArray& secret, qint64 step, int digits = kDigits);
/**
 * The step a code matches, looking one step back and ahead for clock drift; only steps after
 * lastUsedStep count, so a code cannot be used twice.
 */
std::optional<qint64> verify(const QByteArray& secret, const QString& code, const QDateTime& now, qint64 lastUsedStep);

/** RFC 4648 base32 without padding: how apps expect the secret typed in. */
QString base32(const QByteArray& bytes);
/** The otpauth:// URI an authenticator app reads from a QR code. */
QString provisioningUri(const QByteArray& secret, const QString& account, const QString& issuer);

} // namespace ccr::server::Totp
