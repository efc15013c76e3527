#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ccr::app {

class ApiClient;
class Session;

/** Server address and sign-in form: the first thing a person sees. */
class SignInPage final : public QWidget
{
    Q_OBJECT
public:
    SignInPage(ApiClient& client, Session& session, QWidget* parent = nullptr);

    void setServer(const QString& host, quint16 port);
    /** Shows a notice above the form, e.g. why the previous session ended. */
    void showNotice(const QString& text);

private:
    void connectToServer();
    void signIn();
    void openRegistration();
    void openPasswordReset();
    void updateControls();

    ApiClient& m_client;
    Session& m_session;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QPushButton* m_connect;
    QLineEdit* m_email;
    QLineEdit* m_password;
    QLabel* m_codeLabel;
    QLineEdit* m_code;
    QPushButton* m_register;
    QPushButton* m_forgot;
    QPushButton* m_signIn;
    QLabel* m_message;
    bool m_busy = false;
};

} // namespace ccr::app
