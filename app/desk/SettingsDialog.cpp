#include "SettingsDialog.h"

#include "GeneralSettingsPage.h"
#include "NotificationSettingsPage.h"
#include "PasswordSettingsPage.h"
#include "TwoFactorSettingsPage.h"

#include <QDialogButtonBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ccr::app {

SettingsDialog::SettingsDialog(ApiClient& client, const common::UserInfo& user, QWidget* parent)
    : QDialog(parent), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto* general = new GeneralSettingsPage(client, m_tabs);
    m_tabs->addTab(general, tr("&General"));
    m_tabs->addTab(new PasswordSettingsPage(client, user.email, m_tabs), tr("&Password"));
    m_tabs->addTab(new NotificationSettingsPage(client, m_tabs), tr("&Email"));
    m_tabs->addTab(new TwoFactorSettingsPage(client, m_tabs), tr("&Two-factor sign-in"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(520, 420);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(general, &GeneralSettingsPage::changeServerRequested, this, [this] {
        Q_EMIT changeServerRequested();
        accept();
    });
}

} // namespace ccr::app
