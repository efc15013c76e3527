#pragma once

#include "common/Result.h"

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace ccr::server {

/** The certificate and key the server presents. */
struct TlsIdentity
{
    QSslCertificate certificate;
    /** Intermediate certificates sent after the server's own, for a CA-signed chain. */
    QList<QSslCertificate> intermediates;
    QSslKey privateKey;
    /** True when made on this start (first start of a new data directory). */
    bool generated = false;

    /** SHA-256 of the DER certificate as colon-separated upper-case hex: what clients pin. */
    QString fingerprint() const;

    /**
     * Loads the configured files, or else the data directory's server.crt / server.key,
     * making and saving (key 0600) a self-signed pair there when none exists.
     */
    static common::Result<TlsIdentity> load(const QString& certFile, const QString& keyFile, const QString& dataDir);
};

} // namespace ccr::server
