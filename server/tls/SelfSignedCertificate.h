#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace ccr::server {

/** PEM-encoded certificate and private key. */
struct PemPair
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;
};

/**
 * Makes a self-signed P-256 certificate with OpenSSL, valid for ten years, naming the
 * host and localhost / 127.0.0.1 / ::1 as subject alternative names. Clients pin its
 * fingerprint on first use, so its CA status does not matter.
 */
common::Result<PemPair> makeSelfSignedCertificate(const QString& hostName);

} // namespace ccr::server
