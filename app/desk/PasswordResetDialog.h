#pragma once

#include "FieldErrors.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace ccr::app {

class ApiClient;

/** Forgot password: ask for a code by email, then enter the code and a new password. */
class PasswordResetDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PasswordResetDialog(ApiClient& client, QWidget* parent = nullptr);

    void setEmail(const QString& email);

Q_SIGNALS:
    void passwordChanged(const QString& email);

private:
    void requestCode();
    void resetPassword();
    void updateControls();

    ApiClient& m_client;
    QStackedWidget* m_steps;
    QLineEdit* m_email;
    QPushButton* m_sendCode;
    QLineEdit* m_code;
    QLineEdit* m_password;
    QLineEdit* m_confirmation;
    QPushButton* m_reset;
    QLabel* m_message;
    FieldErrors m_errors;
    bool m_busy = false;
};

} // namespace ccr::app
