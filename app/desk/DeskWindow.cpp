#include "DeskWindow.h"

#include "AccountPage.h"
#include "CustomerWindow.h"
#include "ErrorText.h"
#include "MessageBox.h"
#include "SignInPage.h"
#include "client/ApiClient.h"
#include "client/Session.h"
#include "client/SessionKeeper.h"

#include <QLabel>
#include <QStackedWidget>
#include <QStatusBar>

namespace ccr::app {

DeskWindow::DeskWindow(ApiClient& client, Session& session, SessionKeeper* keeper, QWidget* parent)
    : QMainWindow(parent), m_client(client), m_session(session), m_keeper(keeper), m_pages(new QStackedWidget(this)),
      m_signInPage(new SignInPage(client, session, keeper, m_pages)), m_accountPage(new AccountPage(session, m_pages)),
      m_customerWindow(new CustomerWindow(client, session, m_pages)),
      m_connectionLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("deskWindow"));
    setWindowTitle(tr("Customer Care Registry"));
    m_pages->addWidget(m_signInPage);
    m_pages->addWidget(m_accountPage);
    m_pages->addWidget(m_customerWindow);
    setCentralWidget(m_pages);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    resize(560, 460);

    connect(&m_client, &ApiClient::stateChanged, this, &DeskWindow::showConnectionState);
    connect(&m_client, &ApiClient::certificateUntrusted, this, &DeskWindow::askToTrust);
    connect(&m_client, &ApiClient::certificateChanged, this, &DeskWindow::warnCertificateChanged);
    connect(&m_client, &ApiClient::connectionFailed, this, [this](const common::Error& error) {
        m_signInPage->showNotice(ErrorText::describe(error));
    });
    connect(m_signInPage, &SignInPage::notKept, this,
            [this](const QString& reason) { statusBar()->showMessage(reason, 30000); });
    connect(&m_session, &Session::signedIn, this, [this](const common::UserInfo& user) {
        m_signedInEmail = user.email;
        // Customers get their desk; the staff windows come with their own issue, until then the account page.
        if (user.role == common::Role::Customer) {
            m_customerWindow->showUser(user);
            m_pages->setCurrentWidget(m_customerWindow);
            resize(std::max(width(), 1000), std::max(height(), 700));
            return;
        }
        m_accountPage->showUser(user);
        m_pages->setCurrentWidget(m_accountPage);
    });
    connect(&m_session, &Session::signedOut, this, [this](const common::Error& reason) {
        // A session that ended (signed out, expired, revoked) is of no use kept.
        if (m_keeper && !m_signedInEmail.isEmpty())
            m_keeper->forget(m_client.host(), m_client.port(), std::exchange(m_signedInEmail, {}), this,
                             [](const common::Result<void>&) {});
        m_pages->setCurrentWidget(m_signInPage);
        if (reason.code != common::ErrorCode::NotAuthenticated)
            m_signInPage->showNotice(ErrorText::describe(reason));
    });
    showConnectionState();
}

void DeskWindow::showConnectionState()
{
    QString text;
    switch (m_client.state()) {
    case ConnectionState::Offline:
        text = tr("Offline");
        break;
    case ConnectionState::Connecting:
        text = tr("Connecting to %1…").arg(m_client.host());
        break;
    case ConnectionState::Reconnecting:
        text = tr("Reconnecting to %1…").arg(m_client.host());
        break;
    case ConnectionState::Connected:
        text = tr("Connected to %1").arg(m_client.host());
        break;
    }
    m_connectionLabel->setText(text);
}

void DeskWindow::askToTrust(const QString& host, quint16 port, const QString& fingerprint)
{
    const auto answer = MessageBox::question(
        this, tr("Trust this server?"),
        tr("This is the first connection to %1 (port %2). Its certificate is not signed by an authority your "
           "computer knows.\n\nCompare this fingerprint with the one your administrator gave you (the server prints "
           "it at start):\n\n%3\n\nTrust this server from now on?")
            .arg(host, QString::number(port), fingerprint),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        m_client.trustAndReconnect(fingerprint);
    else
        m_signInPage->showNotice(tr("Not connected: the server's certificate was not trusted."));
}

void DeskWindow::warnCertificateChanged(const QString& host, quint16 port, const QString& expected,
                                        const QString& actual)
{
    const QString text =
        tr("The certificate of %1 (port %2) is not the one you trusted before.\n\nTrusted: %3\nNow:     %4\n\n"
           "Someone may be intercepting the connection, or the server's certificate was replaced. The connection "
           "was refused.\n\nOnly if your administrator confirmed the new fingerprint above, trust it. "
           "Trust the new certificate?")
            .arg(host, QString::number(port), expected, actual);
    m_signInPage->showNotice(tr("Connection refused: the server's certificate changed."));
    const auto answer = MessageBox::question(this, tr("Server certificate changed"), text,
                                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        m_client.trustAndReconnect(actual);
}

} // namespace ccr::app
