#include "TwoFactorSettingsPage.h"

#include "ErrorText.h"
#include "QrCodeWidget.h"
#include "client/ApiClient.h"
#include "client/TypedCall.h"
#include "common/Protocol.h"
#include "common/account/DisableTwoFactorParams.h"
#include "common/account/RecoveryCodes.h"
#include "common/account/TwoFactorCodeParams.h"
#include "common/account/TwoFactorSetup.h"
#include "common/account/TwoFactorStatus.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ccr::app {

namespace Method = common::Protocol::Method;

namespace {

enum Step
{
    OffStep,
    SetupStep,
    CodesStep,
    OnStep,
};

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type from the screen. */
QString grouped(const QString& secret)
{
    QStringList groups;
    for (qsizetype at = 0; at < secret.size(); at += 4)
        groups << secret.mid(at, 4);
    return groups.join(QLatin1Char(' '));
}

} // namespace

TwoFactorSettingsPage::TwoFactorSettingsPage(ApiClient& client, QWidget* parent)
    : QWidget(parent), m_client(client), m_status(new QLabel(this)), m_steps(new QStackedWidget(this)),
      m_turnOn(new QPushButton(tr("&Turn on two-factor sign-in…"), this)), m_qr(new QrCodeWidget(this)),
      m_secret(new QLabel(this)), m_code(new QLineEdit(this)), m_confirm(new QPushButton(tr("&Confirm"), this)),
      m_recoveryCodes(new QPlainTextEdit(this)), m_password(new QLineEdit(this)),
      m_turnOff(new QPushButton(tr("Turn &off"), this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("twoFactorSettingsPage"));
    m_status->setObjectName(QStringLiteral("twoFactorStatusLabel"));
    m_status->setWordWrap(true);
    m_turnOn->setObjectName(QStringLiteral("turnOnTwoFactorPushButton"));
    m_qr->setObjectName(QStringLiteral("twoFactorQrCode"));
    m_secret->setObjectName(QStringLiteral("twoFactorSecretLabel"));
    m_secret->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_secret->setAccessibleName(tr("Secret key"));
    m_code->setObjectName(QStringLiteral("twoFactorCodeLineEdit"));
    m_code->setAccessibleName(tr("Code from the app"));
    m_code->setInputMask(QStringLiteral("999999"));
    m_confirm->setObjectName(QStringLiteral("confirmTwoFactorPushButton"));
    m_recoveryCodes->setObjectName(QStringLiteral("recoveryCodesTextEdit"));
    m_recoveryCodes->setAccessibleName(tr("Recovery codes"));
    m_recoveryCodes->setReadOnly(true);
    m_password->setObjectName(QStringLiteral("twoFactorPasswordLineEdit"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_turnOff->setObjectName(QStringLiteral("turnOffTwoFactorPushButton"));
    m_message->setObjectName(QStringLiteral("twoFactorMessageLabel"));
    m_message->setWordWrap(true);

    auto* off = new QWidget(m_steps);
    auto* offLayout = new QVBoxLayout(off);
    offLayout->addWidget(new QLabel(tr("With two-factor sign-in, signing in also needs a code from an "
                                       "authenticator app on your phone."),
                                    off));
    offLayout->addWidget(m_turnOn, 0, Qt::AlignLeft);
    offLayout->addStretch(1);

    auto* setup = new QWidget(m_steps);
    auto* setupForm = new QFormLayout(setup);
    setupForm->addRow(new QLabel(tr("1. Scan this code with your authenticator app:"), setup));
    setupForm->addRow(m_qr);
    setupForm->addRow(tr("Or type this key:"), m_secret);
    setupForm->addRow(tr("2. &Code the app shows:"), m_code);
    setupForm->addRow(QString(), m_confirm);

    auto* codes = new QWidget(m_steps);
    auto* codesLayout = new QVBoxLayout(codes);
    codesLayout->addWidget(new QLabel(tr("Two-factor sign-in is on. Keep these recovery codes somewhere safe: each "
                                         "one signs you in once if you lose your phone. They are shown only now."),
                                      codes));
    codesLayout->addWidget(m_recoveryCodes);

    auto* on = new QWidget(m_steps);
    auto* onForm = new QFormLayout(on);
    onForm->addRow(tr("&Password:"), m_password);
    onForm->addRow(QString(), m_turnOff);

    for (auto* step : {off, setup, codes, on})
        m_steps->addWidget(step);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_message);

    connect(m_turnOn, &QPushButton::clicked, this, &TwoFactorSettingsPage::begin);
    connect(m_confirm, &QPushButton::clicked, this, &TwoFactorSettingsPage::confirm);
    connect(m_code, &QLineEdit::returnPressed, this, &TwoFactorSettingsPage::confirm);
    connect(m_turnOff, &QPushButton::clicked, this, &TwoFactorSettingsPage::disable);
    loadStatus();
}

void TwoFactorSettingsPage::loadStatus()
{
    callFor<common::TwoFactorStatus>(m_client, Method::TwoFactorStatus, {}, this,
                                     [this](const common::Result<common::TwoFactorStatus>& status) {
                                         if (!status) {
                                             m_message->setText(ErrorText::describe(status.error()));
                                             return;
                                         }
                                         QString text = status->enabled ? tr("Two-factor sign-in is on.")
                                                                        : tr("Two-factor sign-in is off.");
                                         if (status->required)
                                             text += QLatin1Char(' ') +
                                                     tr("This help desk requires it for your account.");
                                         m_status->setText(text);
                                         m_turnOff->setEnabled(!status->required);
                                         if (m_steps->currentIndex() != CodesStep)
                                             m_steps->setCurrentIndex(status->enabled ? OnStep : OffStep);
                                     });
}

void TwoFactorSettingsPage::begin()
{
    m_message->clear();
    callFor<common::TwoFactorSetup>(m_client, Method::BeginTwoFactor, {}, this,
                                    [this](const common::Result<common::TwoFactorSetup>& setup) {
                                        if (!setup) {
                                            m_message->setText(ErrorText::describe(setup.error()));
                                            return;
                                        }
                                        m_qr->setText(setup->uri);
                                        m_secret->setText(grouped(setup->secret));
                                        m_steps->setCurrentIndex(SetupStep);
                                        m_code->setFocus();
                                    });
}

void TwoFactorSettingsPage::confirm()
{
    m_confirm->setEnabled(false);
    callFor<common::RecoveryCodes>(m_client, Method::ConfirmTwoFactor,
                                   common::TwoFactorCodeParams{m_code->text()}.toCbor(), this,
                                   [this](const common::Result<common::RecoveryCodes>& codes) {
                                       m_confirm->setEnabled(true);
                                       if (!codes) {
                                           m_message->setText(ErrorText::describe(codes.error()));
                                           m_code->selectAll();
                                           return;
                                       }
                                       m_message->clear();
                                       m_recoveryCodes->setPlainText(codes->codes.join(QLatin1Char('\n')));
                                       m_steps->setCurrentIndex(CodesStep);
                                       loadStatus();
                                   });
}

void TwoFactorSettingsPage::disable()
{
    m_turnOff->setEnabled(false);
    m_client.call(Method::DisableTwoFactor, common::DisableTwoFactorParams{m_password->text()}.toCbor(), this,
                  [this](const common::Result<QCborMap>& reply) {
                      m_turnOff->setEnabled(true);
                      m_password->clear();
                      m_message->setText(reply ? tr("Two-factor sign-in is off.")
                                               : ErrorText::describe(reply.error()));
                      loadStatus();
                  });
}

} // namespace ccr::app
