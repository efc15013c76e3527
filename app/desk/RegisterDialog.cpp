#include "RegisterDialog.h"

#include "ErrorText.h"
#include "client/ApiClient.h"
#include "client/Session.h"
#include "common/Validation.h"
#include "common/messages/RegisterParams.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace ccr::app {

RegisterDialog::RegisterDialog(ApiClient& client, Session& session, QWidget* parent)
    : QDialog(parent), m_client(client), m_session(session), m_name(new QLineEdit(this)),
      m_email(new QLineEdit(this)), m_password(new QLineEdit(this)), m_confirmation(new QLineEdit(this)),
      m_requestAdmin(new QCheckBox(tr("I run this help desk: ask to become an &admin"), this)),
      m_message(new QLabel(this)), m_submit(new QPushButton(tr("&Create account"), this))
{
    setObjectName(QStringLiteral("registerDialog"));
    setWindowTitle(tr("Create an account"));
    m_name->setObjectName(QStringLiteral("displayNameLineEdit"));
    m_name->setAccessibleName(tr("Your name"));
    m_email->setObjectName(QStringLiteral("emailLineEdit"));
    m_email->setAccessibleName(tr("Email"));
    m_password->setObjectName(QStringLiteral("passwordLineEdit"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirmation->setObjectName(QStringLiteral("confirmationLineEdit"));
    m_confirmation->setAccessibleName(tr("Password again"));
    m_confirmation->setEchoMode(QLineEdit::Password);
    m_requestAdmin->setObjectName(QStringLiteral("requestAdminCheckBox"));
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_submit->setObjectName(QStringLiteral("submitPushButton"));
    m_submit->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Your &name:"), m_name);
    m_errors.addRow(form, QStringLiteral("displayName"), m_name);
    form->addRow(tr("&Email:"), m_email);
    m_errors.addRow(form, QStringLiteral("email"), m_email);
    form->addRow(tr("&Password:"), m_password);
    m_errors.addRow(form, QStringLiteral("password"), m_password);
    form->addRow(tr("Password &again:"), m_confirmation);
    m_errors.addRow(form, QStringLiteral("passwordConfirmation"), m_confirmation);
    form->addRow(QString(), m_requestAdmin);
    auto* hint = new QLabel(tr("At least 10 characters; a few unrelated words are easy to remember."), this);
    hint->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_submit, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_submit, &QPushButton::clicked, this, &RegisterDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_client, &ApiClient::stateChanged, this, &RegisterDialog::updateControls);
    updateControls();
}

void RegisterDialog::setEmail(const QString& email)
{
    m_email->setText(email);
}

void RegisterDialog::submit()
{
    if (m_busy)
        return;
    m_errors.clear();
    m_message->clear();
    const auto problems = common::Validation::checkRegistration(m_email->text(), m_name->text(), m_password->text(),
                                                                m_confirmation->text());
    if (!problems.isEmpty()) {
        m_errors.show(problems);
        return;
    }
    m_busy = true;
    updateControls();
    common::RegisterParams params;
    params.email = m_email->text().trimmed();
    params.displayName = m_name->text().trimmed();
    params.password = m_password->text();
    params.passwordConfirmation = m_confirmation->text();
    params.requestAdmin = m_requestAdmin->isChecked();
    params.locale = QLocale().name();
    const bool asAdmin = params.requestAdmin;
    m_session.registerAccount(params, this, [this, asAdmin](const common::Result<common::UserInfo>& user) {
        m_busy = false;
        updateControls();
        if (!user) {
            m_errors.show(common::fieldErrorsOf(user.error()));
            m_message->setText(ErrorText::describe(user.error()));
            return;
        }
        Q_EMIT registered(user->email, asAdmin ? tr("Your request to become an admin was sent. You can sign in once "
                                                     "an admin of this help desk approves it; you will get an email.")
                                               : tr("Your account is ready: sign in with your new password."));
        accept();
    });
}

void RegisterDialog::updateControls()
{
    m_submit->setEnabled(m_client.state() == ConnectionState::Connected && !m_busy);
}

} // namespace ccr::app
