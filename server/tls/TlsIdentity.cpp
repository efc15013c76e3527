#include "TlsIdentity.h"

#include "SelfSignedCertificate.h"
#include "common/CertificateFingerprint.h"

#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QSaveFile>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

common::Result<QByteArray> readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Unavailable, QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

common::Result<void> writeFile(const QString& path, const QByteArray& data, QFileDevice::Permissions permissions)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(permissions) || file.write(data) != data.size() ||
        !file.commit())
        return Error(ErrorCode::Unavailable, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

common::Result<TlsIdentity> fromPem(const QByteArray& certificatePem, const QByteArray& keyPem,
                                    const QString& description)
{
    TlsIdentity identity;
    auto chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (!chain.isEmpty()) {
        identity.certificate = chain.takeFirst();
        identity.intermediates = chain;
    }
    for (const auto algorithm : {QSsl::Ec, QSsl::Rsa}) {
        identity.privateKey = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!identity.privateKey.isNull())
            break;
    }
    if (identity.certificate.isNull() || identity.privateKey.isNull())
        return Error(ErrorCode::Unavailable,
                     QStringLiteral("%1 does not hold a PEM certificate and an unencrypted EC or RSA private key.")
                         .arg(description));
    return identity;
}

} // namespace

QString TlsIdentity::fingerprint() const
{
    return common::certificateFingerprint(certificate.toDer());
}

common::Result<TlsIdentity> TlsIdentity::load(const QString& certFile, const QString& keyFile, const QString& dataDir)
{
    if (!certFile.isEmpty() || !keyFile.isEmpty()) {
        if (certFile.isEmpty() || keyFile.isEmpty())
            return Error(ErrorCode::Unavailable, QStringLiteral("Give both --cert and --key, or neither."));
        auto certificate = readFile(certFile);
        if (!certificate)
            return certificate.error();
        auto key = readFile(keyFile);
        if (!key)
            return key.error();
        return fromPem(certificate.value(), key.value(), certFile + QStringLiteral(" / ") + keyFile);
    }

    const QDir dir(dataDir);
    const QString certPath = dir.filePath(QStringLiteral("server.crt"));
    const QString keyPath = dir.filePath(QStringLiteral("server.key"));
    if (QFile::exists(certPath) && QFile::exists(keyPath)) {
        auto certificate = readFile(certPath);
        auto key = readFile(keyPath);
        if (!certificate)
            return certificate.error();
        if (!key)
            return key.error();
        return fromPem(certificate.value(), key.value(), certPath);
    }

    auto pair = makeSelfSignedCertificate(QHostInfo::localHostName());
    if (!pair)
        return pair.error();
    if (auto written = writeFile(keyPath, pair->privateKeyPem, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        !written)
        return written.error();
    if (auto written = writeFile(certPath, pair->certificatePem,
                                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                     QFileDevice::ReadOther);
        !written)
        return written.error();
    auto identity = fromPem(pair->certificatePem, pair->privateKeyPem, certPath);
    if (identity)
        identity.value().generated = true;
    return identity;
}

} // namespace ccr::server
