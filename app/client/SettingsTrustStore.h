#pragma once

#include "TrustStore.h"

#include <QSettings>
#include <memory>

namespace ccr::app {

/** Keeps pins in the app's QSettings (a fingerprint is public, so no keychain is needed). */
class SettingsTrustStore final : public TrustStore
{
public:
    /** The app's default settings location. */
    SettingsTrustStore();
    /** A settings file of its own, e.g. for tests. */
    explicit SettingsTrustStore(const QString& iniFile);

    QString pinnedFingerprint(const QString& host, quint16 port) const override;
    void pin(const QString& host, quint16 port, const QString& fingerprint) override;
    void forget(const QString& host, quint16 port) override;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace ccr::app
