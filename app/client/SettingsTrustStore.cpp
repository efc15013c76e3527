#include "SettingsTrustStore.h"

namespace ccr::app {

namespace {

QString keyFor(const QString& host, quint16 port)
{
    // QSettings treats '/' as a group separator; host names and IPv6 addresses never contain it.
    return QStringLiteral("trustedServers/%1:%2").arg(host.toLower()).arg(port);
}

} // namespace

SettingsTrustStore::SettingsTrustStore() : m_settings(std::make_unique<QSettings>()) {}

SettingsTrustStore::SettingsTrustStore(const QString& iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

QString SettingsTrustStore::pinnedFingerprint(const QString& host, quint16 port) const
{
    return m_settings->value(keyFor(host, port)).toString();
}

void SettingsTrustStore::pin(const QString& host, quint16 port, const QString& fingerprint)
{
    m_settings->setValue(keyFor(host, port), fingerprint);
    m_settings->sync();
}

void SettingsTrustStore::forget(const QString& host, quint16 port)
{
    m_settings->remove(keyFor(host, port));
    m_settings->sync();
}

} // namespace ccr::app
