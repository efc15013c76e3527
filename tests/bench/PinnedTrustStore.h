#pragma once

#include "client/TrustStore.h"

namespace ccr::bench {

/** Trusts exactly the fingerprint the bench read from the server's own output. */
class PinnedTrustStore final : public app::TrustStore
{
public:
    explicit PinnedTrustStore(QString fingerprint) : m_fingerprint(std::move(fingerprint)) {}
    QString pinnedFingerprint(const QString&, quint16) const override { return m_fingerprint; }
    void pin(const QString&, quint16, const QString& fingerprint) override { m_fingerprint = fingerprint; }
    void forget(const QString&, quint16) override { m_fingerprint.clear(); }

private:
    QString m_fingerprint;
};

} // namespace ccr::bench
