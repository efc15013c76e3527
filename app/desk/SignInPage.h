#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ccr::app {

class ApiClient;
class Session;
class SessionKeeper;

/** Server address and sign-in form: the first thing a person sees. */
class SignInPage final : public QWidget
{
    Q_OBJECT
public:
    /** Without a keeper there is no "keep me signed in" (tests, a build without a keychain). */
    SignInPage(ApiClient& client, Session& session, SessionKeeper* keeper = nullptr, QWidget* parent = nullptr);

    void setServer(const QString& host, quint16 port);
    /** Shows a notice above the form, e.g. why the previous session ended. */
    void showNotice(const QString& text);

Q_SIGNALS:
    /** Signed in, but the session could not be kept (no keychain): why, for the person. */
    void notKept(const QString& reason);

private:
    void connectToServer();
    void signIn();
    void openRegistration();
    void openPasswordReset();
    void keepSession(const QString& email);
    void updateControls();

    ApiClient& m_client;
    Session& m_session;
    SessionKeeper* m_keeper;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QPushButton* m_connect;
    QLineEdit* m_email;
    QLineEdit* m_password;
    QLabel* m_codeLabel;
    QLineEdit* m_code;
    QCheckBox* m_keep;
    QPushButton* m_register;
    QPushButton* m_forgot;
    QPushButton* m_signIn;
    QLabel* m_message;
    bool m_busy = false;
};

} // namespace ccr::app
