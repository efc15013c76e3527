#include "CertificateFingerprint.h"

#include <QCryptographicHash>

namespace ccr::common {

QString certificateFingerprint(const QByteArray& der)
{
    return QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex(':').toUpper());
}

} // namespace ccr::common
