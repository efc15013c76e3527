#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace ccr::app {

class ApiClient;
class QrCodeWidget;

/**
 * Settings: two-factor sign-in. Turning it on shows a QR code for the authenticator app
 * (and the secret as text, for typing in), asks for a first code to prove the app works,
 * then shows the recovery codes once. Turning it off asks for the password.
 */
class TwoFactorSettingsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit TwoFactorSettingsPage(ApiClient& client, QWidget* parent = nullptr);

private:
    void loadStatus();
    void begin();
    void confirm();
    void disable();

    ApiClient& m_client;
    QLabel* m_status;
    QStackedWidget* m_steps;
    QPushButton* m_turnOn;
    QrCodeWidget* m_qr;
    QLabel* m_secret;
    QLineEdit* m_code;
    QPushButton* m_confirm;
    QPlainTextEdit* m_recoveryCodes;
    QLineEdit* m_password;
    QPushButton* m_turnOff;
    QLabel* m_message;
};

} // namespace ccr::app
