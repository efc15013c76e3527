#include "SelfSignedCertificate.h"

#include <memory>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

template <typename T, void (*Free)(T*)>
struct Deleter
{
    void operator()(T* p) const { Free(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

QByteArray readBio(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

Error failure(const char* step)
{
    return Error(ErrorCode::Internal, QStringLiteral("Creating the server certificate failed at %1.")
                                          .arg(QString::fromLatin1(step)));
}

bool addExtension(X509* certificate, int nid, const QByteArray& value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    ExtPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

} // namespace

common::Result<PemPair> makeSelfSignedCertificate(const QString& hostName)
{
    PKeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key)
        return failure("key generation");

    X509Ptr certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), 2) != 1)
        return failure("certificate allocation");
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return failure("serial number");
    serial[0] &= 0x7f; // serial numbers must be positive (RFC 5280, 4.1.2.2)
    BIGNUM* serialNumber = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool serialSet = serialNumber && BN_to_ASN1_INTEGER(serialNumber, X509_get_serialNumber(certificate.get()));
    BN_free(serialNumber);
    if (!serialSet)
        return failure("serial number");

    constexpr long kTenYears = 10L * 365 * 24 * 3600;
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), kTenYears);
    if (X509_set_pubkey(certificate.get(), key.get()) != 1)
        return failure("public key");

    const QByteArray commonName = hostName.toUtf8();
    X509_NAME* name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("Customer Care Registry"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(commonName.constData()),
                               -1, -1, 0);
    if (X509_set_issuer_name(certificate.get(), name) != 1)
        return failure("issuer name");

    const QByteArray altNames = "DNS:" + commonName + ",DNS:localhost,IP:127.0.0.1,IP:::1";
    if (!addExtension(certificate.get(), NID_subject_alt_name, altNames) ||
        !addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature") ||
        !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth"))
        return failure("extensions");
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) == 0)
        return failure("signing");

    BioPtr certificateBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certificateBio || !keyBio || PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1 ||
        PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return failure("PEM encoding");
    return PemPair{readBio(certificateBio.get()), readBio(keyBio.get())};
}

} // namespace ccr::server
