#pragma once

#include "FieldErrors.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ccr::app {

class ApiClient;
class Session;

/**
 * Creating an account: a customer account at once, or a request to become an admin that
 * an existing admin approves. Checked with the shared rules before sending.
 */
class RegisterDialog final : public QDialog
{
    Q_OBJECT
public:
    RegisterDialog(ApiClient& client, Session& session, QWidget* parent = nullptr);

    void setEmail(const QString& email);

Q_SIGNALS:
    /** notice: what happens next, for the sign-in page. */
    void registered(const QString& email, const QString& notice);

private:
    void submit();
    void updateControls();

    ApiClient& m_client;
    Session& m_session;
    QLineEdit* m_name;
    QLineEdit* m_email;
    QLineEdit* m_password;
    QLineEdit* m_confirmation;
    QCheckBox* m_requestAdmin;
    QLabel* m_message;
    QPushButton* m_submit;
    FieldErrors m_errors;
    bool m_busy = false;
};

} // namespace ccr::app
