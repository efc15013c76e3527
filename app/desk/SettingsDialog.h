#pragma once

#include "common/messages/UserInfo.h"

#include <QDialog>

class QTabWidget;

namespace ccr::app {

class ApiClient;

/** Settings, one tab each: general (language, server), password, email notifications, two-factor sign-in. */
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(ApiClient& client, const common::UserInfo& user, QWidget* parent = nullptr);

    QTabWidget* tabs() const { return m_tabs; }

Q_SIGNALS:
    void changeServerRequested();

private:
    QTabWidget* m_tabs;
};

} // namespace ccr::app
