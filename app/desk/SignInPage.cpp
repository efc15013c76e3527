#include "SignInPage.h"

#include "ErrorText.h"
#include "PasswordResetDialog.h"
#include "RegisterDialog.h"
#include "client/ApiClient.h"
#include "client/Session.h"
#include "client/SessionKeeper.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ccr::app {

SignInPage::SignInPage(ApiClient& client, Session& session, SessionKeeper* keeper, QWidget* parent)
    : QWidget(parent), m_client(client), m_session(session), m_keeper(keeper), m_host(new QLineEdit(this)),
      m_port(new QSpinBox(this)),
      m_connect(new QPushButton(tr("&Connect"), this)), m_email(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_codeLabel(new QLabel(tr("&Code:"), this)), m_code(new QLineEdit(this)),
      m_keep(new QCheckBox(tr("&Keep me signed in on this computer"), this)),
      m_register(new QPushButton(tr("Create an &account…"), this)),
      m_forgot(new QPushButton(tr("&Forgot your password?"), this)), m_signIn(new QPushButton(tr("&Sign in"), this)),
      m_message(new QLabel(this))
{
    m_code->setObjectName(QStringLiteral("codeLineEdit"));
    m_code->setAccessibleName(tr("Two-factor code"));
    m_code->setPlaceholderText(tr("6-digit code from your app, or a recovery code"));
    m_codeLabel->setBuddy(m_code);
    m_codeLabel->hide();
    m_code->hide();
    m_keep->setObjectName(QStringLiteral("keepSignedInCheckBox"));
    m_keep->setToolTip(tr("The session is kept in your system's keychain, never in a file."));
    m_keep->setVisible(m_keeper != nullptr);
    m_keep->setChecked(QSettings().value(QStringLiteral("signIn/keep"), true).toBool());
    if (m_keeper) {
        // Without a keychain the option is not offered, and the person is told why.
        m_keeper->probe(this, [this](const common::Result<void>& usable) {
            if (usable)
                return;
            m_keep->setChecked(false);
            m_keep->setEnabled(false);
            m_keep->setToolTip(usable.error().message);
            m_keep->setText(tr("Keep me signed in (not available: no keychain on this computer)"));
        });
    }
    m_register->setObjectName(QStringLiteral("registerPushButton"));
    m_register->setFlat(true);
    m_forgot->setObjectName(QStringLiteral("forgotPasswordPushButton"));
    m_forgot->setFlat(true);
    m_host->setObjectName(QStringLiteral("hostLineEdit"));
    m_host->setAccessibleName(tr("Server address"));
    m_port->setObjectName(QStringLiteral("portSpinBox"));
    m_port->setAccessibleName(tr("Server port"));
    m_port->setRange(1, 65535);
    m_connect->setObjectName(QStringLiteral("connectPushButton"));
    m_email->setObjectName(QStringLiteral("emailLineEdit"));
    m_email->setAccessibleName(tr("Email"));
    m_email->setPlaceholderText(tr("you@example.com"));
    m_password->setObjectName(QStringLiteral("passwordLineEdit"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_signIn->setObjectName(QStringLiteral("signInPushButton"));
    m_signIn->setDefault(true);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* serverBox = new QGroupBox(tr("Server"), this);
    auto* serverRow = new QHBoxLayout(serverBox);
    serverRow->addWidget(m_host, 1);
    serverRow->addWidget(m_port);
    serverRow->addWidget(m_connect);

    auto* form = new QFormLayout;
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(m_codeLabel, m_code);
    form->addRow(QString(), m_keep);

    auto* title = new QLabel(tr("<h2>Customer Care Registry</h2><p>Sign in to raise and follow your tickets.</p>"),
                             this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(serverBox);
    layout->addLayout(form);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_register);
    actions->addWidget(m_forgot);
    actions->addStretch(1);
    actions->addWidget(m_signIn);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addStretch(1);
    setTabOrder(m_email, m_password);
    setTabOrder(m_password, m_code);
    setTabOrder(m_code, m_signIn);
    setTabOrder(m_signIn, m_register);
    setTabOrder(m_register, m_forgot);
    setTabOrder(m_forgot, m_host);
    setTabOrder(m_host, m_port);
    setTabOrder(m_port, m_connect);

    connect(m_connect, &QPushButton::clicked, this, &SignInPage::connectToServer);
    connect(m_host, &QLineEdit::returnPressed, this, &SignInPage::connectToServer);
    connect(m_signIn, &QPushButton::clicked, this, &SignInPage::signIn);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInPage::signIn);
    connect(m_code, &QLineEdit::returnPressed, this, &SignInPage::signIn);
    connect(m_register, &QPushButton::clicked, this, &SignInPage::openRegistration);
    connect(m_forgot, &QPushButton::clicked, this, &SignInPage::openPasswordReset);
    connect(m_email, &QLineEdit::textChanged, this, &SignInPage::updateControls);
    connect(m_password, &QLineEdit::textChanged, this, &SignInPage::updateControls);
    connect(&m_client, &ApiClient::stateChanged, this, &SignInPage::updateControls);
    updateControls();
}

void SignInPage::setServer(const QString& host, quint16 port)
{
    m_host->setText(host);
    m_port->setValue(port);
    // With a known server the next thing to type is the email address.
    if (host.isEmpty())
        m_host->setFocus();
    else
        m_email->setFocus();
}

void SignInPage::showNotice(const QString& text)
{
    m_message->setText(text);
}

void SignInPage::connectToServer()
{
    const QString host = m_host->text().trimmed();
    if (host.isEmpty()) {
        m_message->setText(tr("Enter the server's address, for example helpdesk.example.com."));
        m_host->setFocus();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("server/host"), host);
    settings.setValue(QStringLiteral("server/port"), m_port->value());
    m_message->clear();
    m_client.connectToServer(host, static_cast<quint16>(m_port->value()));
}

void SignInPage::signIn()
{
    if (!m_signIn->isEnabled())
        return;
    m_busy = true;
    m_message->setText(tr("Signing in…"));
    updateControls();
    // Six digits are an authenticator code; anything else typed there is a recovery code.
    const QString code = m_code->isVisible() ? m_code->text().trimmed() : QString();
    static const QRegularExpression sixDigits(QStringLiteral("^\\d{6}$"));
    const bool isTotp = sixDigits.match(code).hasMatch();
    m_session.signIn(
        m_email->text(), m_password->text(), this,
        [this](const common::Result<common::UserInfo>& user) {
        m_busy = false;
        if (user) {
            keepSession(user->email);
            m_password->clear();
            m_code->clear();
            m_code->hide();
            m_codeLabel->hide();
            m_message->clear();
        } else if (user.error().code == common::ErrorCode::TwoFactorRequired && !m_code->isVisible()) {
            m_codeLabel->show();
            m_code->show();
            m_code->setFocus();
            m_message->setText(tr("Two-factor sign-in is on for this account: enter the code your authenticator "
                                  "app shows (or one of your recovery codes)."));
        } else {
            m_message->setText(ErrorText::describe(user.error()));
            m_password->selectAll();
            m_password->setFocus();
        }
        updateControls();
        },
        isTotp ? code : QString(), isTotp ? QString() : code);
}

void SignInPage::keepSession(const QString& email)
{
    if (!m_keeper)
        return;
    QSettings().setValue(QStringLiteral("signIn/keep"), m_keep->isChecked());
    if (!m_keep->isChecked())
        return;
    m_keeper->save(m_client.host(), m_client.port(), email, m_session.token(), this,
                   [this](const common::Result<void>& kept) {
                       // Signed in either way; the person only learns that the app will not remember.
                       // SessionKeeper's messages are already written for people.
                       if (!kept)
                           Q_EMIT notKept(kept.error().message);
                   });
}

void SignInPage::openRegistration()
{
    auto* dialog = new RegisterDialog(m_client, m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setEmail(m_email->text());
    connect(dialog, &RegisterDialog::registered, this, [this](const QString& email, const QString& notice) {
        m_email->setText(email);
        m_message->setText(notice);
        m_password->setFocus();
    });
    dialog->open();
}

void SignInPage::openPasswordReset()
{
    auto* dialog = new PasswordResetDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setEmail(m_email->text());
    connect(dialog, &PasswordResetDialog::passwordChanged, this, [this](const QString& email) {
        m_email->setText(email);
        m_message->setText(tr("Your password was changed. Sign in with the new one."));
        m_password->setFocus();
    });
    dialog->open();
}

void SignInPage::updateControls()
{
    const bool connected = m_client.state() == ConnectionState::Connected;
    m_signIn->setEnabled(connected && !m_busy && !m_email->text().trimmed().isEmpty() &&
                         !m_password->text().isEmpty());
    m_email->setEnabled(!m_busy);
    m_password->setEnabled(!m_busy);
    m_code->setEnabled(!m_busy);
    m_register->setEnabled(connected && !m_busy);
    m_forgot->setEnabled(connected && !m_busy);
}

} // namespace ccr::app
