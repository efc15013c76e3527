#include "PasswordSettingsPage.h"

#include "ErrorText.h"
#include "client/ApiClient.h"
#include "common/Protocol.h"
#include "common/Validation.h"
#include "common/account/ChangePasswordParams.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ccr::app {

PasswordSettingsPage::PasswordSettingsPage(ApiClient& client, const QString& email, QWidget* parent)
    : QWidget(parent), m_client(client), m_email(email), m_current(new QLineEdit(this)), m_new(new QLineEdit(this)),
      m_confirmation(new QLineEdit(this)), m_submit(new QPushButton(tr("&Change password"), this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("passwordSettingsPage"));
    for (auto* field : {m_current, m_new, m_confirmation})
        field->setEchoMode(QLineEdit::Password);
    m_current->setObjectName(QStringLiteral("currentPasswordLineEdit"));
    m_current->setAccessibleName(tr("Current password"));
    m_new->setObjectName(QStringLiteral("newPasswordLineEdit"));
    m_new->setAccessibleName(tr("New password"));
    m_confirmation->setObjectName(QStringLiteral("newPasswordAgainLineEdit"));
    m_confirmation->setAccessibleName(tr("New password again"));
    m_submit->setObjectName(QStringLiteral("changePasswordPushButton"));
    m_message->setObjectName(QStringLiteral("passwordMessageLabel"));
    m_message->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("C&urrent password:"), m_current);
    m_errors.addRow(form, QStringLiteral("currentPassword"), m_current);
    form->addRow(tr("&New password:"), m_new);
    m_errors.addRow(form, QStringLiteral("newPassword"), m_new);
    form->addRow(tr("New password &again:"), m_confirmation);
    m_errors.addRow(form, QStringLiteral("newPasswordConfirmation"), m_confirmation);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_submit, 0, Qt::AlignLeft);
    layout->addWidget(m_message);
    layout->addStretch(1);
    connect(m_submit, &QPushButton::clicked, this, &PasswordSettingsPage::submit);
}

void PasswordSettingsPage::submit()
{
    m_errors.clear();
    m_message->clear();
    m_errors.show(common::Validation::checkNewPassword(m_new->text(), m_confirmation->text(), m_email));
    if (m_current->text().isEmpty())
        m_errors.show(QStringLiteral("currentPassword"), ErrorText::describe(common::FieldProblem::Required));
    if (!m_errors.isEmpty())
        return;
    m_submit->setEnabled(false);
    const common::ChangePasswordParams params{m_current->text(), m_new->text(), m_confirmation->text()};
    m_client.call(common::Protocol::Method::ChangePassword, params.toCbor(), this,
                  [this](const common::Result<QCborMap>& reply) {
                      m_submit->setEnabled(true);
                      if (!reply) {
                          m_errors.show(common::fieldErrorsOf(reply.error()));
                          m_message->setText(ErrorText::describe(reply.error()));
                          return;
                      }
                      for (auto* field : {m_current, m_new, m_confirmation})
                          field->clear();
                      m_message->setText(tr("Your password was changed. Other devices were signed out."));
                  });
}

} // namespace ccr::app
