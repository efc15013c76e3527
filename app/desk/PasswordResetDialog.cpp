#include "PasswordResetDialog.h"

#include "ErrorText.h"
#include "client/ApiClient.h"
#include "common/Protocol.h"
#include "common/Validation.h"
#include "common/account/RequestPasswordResetParams.h"
#include "common/account/ResetPasswordParams.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ccr::app {

namespace Method = common::Protocol::Method;

PasswordResetDialog::PasswordResetDialog(ApiClient& client, QWidget* parent)
    : QDialog(parent), m_client(client), m_steps(new QStackedWidget(this)), m_email(new QLineEdit(this)),
      m_sendCode(new QPushButton(tr("&Email me a code"), this)), m_code(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_confirmation(new QLineEdit(this)),
      m_reset(new QPushButton(tr("&Set new password"), this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("passwordResetDialog"));
    setWindowTitle(tr("Forgot your password?"));
    m_email->setObjectName(QStringLiteral("resetEmailLineEdit"));
    m_email->setAccessibleName(tr("Email"));
    m_sendCode->setObjectName(QStringLiteral("sendCodePushButton"));
    m_code->setObjectName(QStringLiteral("resetCodeLineEdit"));
    m_code->setAccessibleName(tr("Code from the email"));
    m_code->setInputMask(QStringLiteral("999999"));
    m_password->setObjectName(QStringLiteral("newPasswordLineEdit"));
    m_password->setAccessibleName(tr("New password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirmation->setObjectName(QStringLiteral("newPasswordAgainLineEdit"));
    m_confirmation->setAccessibleName(tr("New password again"));
    m_confirmation->setEchoMode(QLineEdit::Password);
    m_reset->setObjectName(QStringLiteral("resetPushButton"));
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);

    auto* first = new QWidget(m_steps);
    auto* firstForm = new QFormLayout(first);
    firstForm->addRow(new QLabel(tr("We email you a 6-digit code that is valid for 15 minutes."), first));
    firstForm->addRow(tr("&Email:"), m_email);
    firstForm->addRow(QString(), m_sendCode);
    auto* second = new QWidget(m_steps);
    auto* secondForm = new QFormLayout(second);
    secondForm->addRow(tr("&Code:"), m_code);
    m_errors.addRow(secondForm, QStringLiteral("code"), m_code);
    secondForm->addRow(tr("&New password:"), m_password);
    m_errors.addRow(secondForm, QStringLiteral("newPassword"), m_password);
    secondForm->addRow(tr("New password &again:"), m_confirmation);
    m_errors.addRow(secondForm, QStringLiteral("newPasswordConfirmation"), m_confirmation);
    secondForm->addRow(QString(), m_reset);
    m_steps->addWidget(first);
    m_steps->addWidget(second);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_steps);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_sendCode, &QPushButton::clicked, this, &PasswordResetDialog::requestCode);
    connect(m_reset, &QPushButton::clicked, this, &PasswordResetDialog::resetPassword);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_client, &ApiClient::stateChanged, this, &PasswordResetDialog::updateControls);
    updateControls();
}

void PasswordResetDialog::setEmail(const QString& email)
{
    m_email->setText(email);
}

void PasswordResetDialog::requestCode()
{
    if (const auto problem = common::Validation::checkEmail(m_email->text())) {
        m_message->setText(ErrorText::describe(*problem));
        return;
    }
    m_busy = true;
    updateControls();
    m_client.call(Method::RequestPasswordReset, common::RequestPasswordResetParams{m_email->text().trimmed()}.toCbor(),
                  this, [this](const common::Result<QCborMap>& reply) {
                      m_busy = false;
                      updateControls();
                      if (!reply) {
                          m_message->setText(ErrorText::describe(reply.error()));
                          return;
                      }
                      // The server answers the same for unknown addresses: so does the app.
                      m_message->setText(tr("If an account uses %1, a code is on its way. Check your inbox.")
                                             .arg(m_email->text().trimmed()));
                      m_steps->setCurrentIndex(1);
                      m_code->setFocus();
                  });
}

void PasswordResetDialog::resetPassword()
{
    m_errors.clear();
    const auto problems =
        common::Validation::checkNewPassword(m_password->text(), m_confirmation->text(), m_email->text().trimmed());
    if (!problems.isEmpty()) {
        m_errors.show(problems);
        return;
    }
    m_busy = true;
    updateControls();
    const common::ResetPasswordParams params{m_email->text().trimmed(), m_code->text(), m_password->text(),
                                             m_confirmation->text()};
    m_client.call(Method::ResetPassword, params.toCbor(), this, [this](const common::Result<QCborMap>& reply) {
        m_busy = false;
        updateControls();
        if (!reply) {
            m_errors.show(common::fieldErrorsOf(reply.error()));
            m_message->setText(ErrorText::describe(reply.error()));
            return;
        }
        Q_EMIT passwordChanged(m_email->text().trimmed());
        accept();
    });
}

void PasswordResetDialog::updateControls()
{
    const bool online = m_client.state() == ConnectionState::Connected;
    m_sendCode->setEnabled(online && !m_busy);
    m_reset->setEnabled(online && !m_busy);
}

} // namespace ccr::app
