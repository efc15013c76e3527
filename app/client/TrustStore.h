#pragma once

#include <QString>

namespace ccr::app {

/**
 * Server certificates the user chose to trust, by "host:port". Pinning on first use means
 * a server that later shows another certificate is refused until the user decides again.
 */
class TrustStore
{
public:
    virtual ~TrustStore() = default;
    /** Empty when the server was never trusted. */
    virtual QString pinnedFingerprint(const QString& host, quint16 port) const = 0;
    virtual void pin(const QString& host, quint16 port, const QString& fingerprint) = 0;
    virtual void forget(const QString& host, quint16 port) = 0;
};

} // namespace ccr::app
