#pragma once

#include <QMainWindow>

class QLabel;
class QStackedWidget;

namespace ccr::app {

class AccountPage;
class CustomerWindow;
class ApiClient;
class Session;
class SessionKeeper;
class SignInPage;

/**
 * The app's main window: the sign-in page, then the signed-in pages. Shows the connection
 * state at all times and asks the user before trusting a server certificate.
 */
class DeskWindow final : public QMainWindow
{
    Q_OBJECT
public:
    /** keeper: where "keep me signed in" keeps the session; nullptr offers no such option. */
    DeskWindow(ApiClient& client, Session& session, SessionKeeper* keeper = nullptr, QWidget* parent = nullptr);

    SignInPage* signInPage() const { return m_signInPage; }
    CustomerWindow* customerWindow() const { return m_customerWindow; }

private:
    void showConnectionState();
    void askToTrust(const QString& host, quint16 port, const QString& fingerprint);
    void warnCertificateChanged(const QString& host, quint16 port, const QString& expected, const QString& actual);

    ApiClient& m_client;
    Session& m_session;
    SessionKeeper* m_keeper;
    QString m_signedInEmail;
    QStackedWidget* m_pages;
    SignInPage* m_signInPage;
    AccountPage* m_accountPage;
    CustomerWindow* m_customerWindow;
    QLabel* m_connectionLabel;
};

} // namespace ccr::app
