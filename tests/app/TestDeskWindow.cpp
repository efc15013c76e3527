#include "DeskDriver.h"
#include "TestServer.h"
#include "client/ApiClient.h"
#include "client/Session.h"
#include "client/SettingsTrustStore.h"
#include "desk/DeskWindow.h"
#include "desk/MessageBox.h"
#include "desk/SignInPage.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ccr;
using namespace ccr::tests;

class TestDeskWindow final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CustomerCareRegistryTests"));
        QCoreApplication::setApplicationName(QStringLiteral("TestDeskWindow"));
    }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        // Staff see the account page until their own windows exist; customers have TestCustomerWindow.
        m_server->createUser(QStringLiteral("meera@example.com"), common::Role::Agent);
    }

    void cleanup() { m_server.reset(); }

    void trustSignInAndSignOut()
    {
        DeskDriver desk;
        desk.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&desk.window));
        QCOMPARE(desk.connectionText(), QStringLiteral("Offline"));
        QVERIFY(!desk.find<QPushButton>("signInPushButton")->isEnabled());

        app::MessageBox::setNextAnswer(QMessageBox::Yes);
        desk.connectTo(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(desk.connectionText().startsWith(QStringLiteral("Connected")), 10000);
        QVERIFY(app::MessageBox::lastText().contains(m_server->fingerprint()));
        QCOMPARE(desk.trust.pinnedFingerprint(QStringLiteral("127.0.0.1"), m_server->port()), m_server->fingerprint());

        desk.submitSignIn(QStringLiteral("meera@example.com"), QStringLiteral("not my password"));
        QTRY_VERIFY_WITH_TIMEOUT(desk.message().contains(QStringLiteral("wrong")), 10000);
        QCOMPARE(desk.session.isSignedIn(), false);

        desk.submitSignIn(QStringLiteral("meera@example.com"), TestServer::kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(desk.session.isSignedIn(), 10000);
        auto* summary = desk.find<QLabel>("summaryLabel");
        QTRY_VERIFY(summary->isVisible());
        QVERIFY(summary->text().contains(QStringLiteral("meera@example.com")));
        QVERIFY(summary->text().contains(QStringLiteral("Agent")));
        QVERIFY(desk.find<QLineEdit>("passwordLineEdit")->text().isEmpty());

        QTest::mouseClick(desk.find<QPushButton>("signOutPushButton"), Qt::LeftButton);
        QTRY_VERIFY(desk.find<QLineEdit>("emailLineEdit")->isVisible());
        QVERIFY(!desk.session.isSignedIn());
    }

    void refusingTrustStaysOffline()
    {
        DeskDriver desk;
        desk.window.show();
        app::MessageBox::setNextAnswer(QMessageBox::No);
        desk.connectTo(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(desk.message().contains(QStringLiteral("not trusted")), 10000);
        QCOMPARE(desk.connectionText(), QStringLiteral("Offline"));
        QVERIFY(desk.trust.pinnedFingerprint(QStringLiteral("127.0.0.1"), m_server->port()).isEmpty());
    }

    void changedCertificateIsABlockingWarning()
    {
        DeskDriver desk;
        const QString bogus = QString(QStringLiteral("AB:")).repeated(31) + QStringLiteral("AB");
        desk.trust.pin(QStringLiteral("127.0.0.1"), m_server->port(), bogus);
        desk.window.show();
        app::MessageBox::setNextAnswer(QMessageBox::No);
        desk.connectTo(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(desk.message().contains(QStringLiteral("certificate changed")), 10000);
        QVERIFY(app::MessageBox::lastText().contains(QStringLiteral("not the one you trusted")));
        QVERIFY(app::MessageBox::lastText().contains(bogus));
        QVERIFY(app::MessageBox::lastText().contains(m_server->fingerprint()));
        QCOMPARE(desk.connectionText(), QStringLiteral("Offline"));
        QCOMPARE(desk.trust.pinnedFingerprint(QStringLiteral("127.0.0.1"), m_server->port()), bogus);
    }

    void serverRestartShowsReconnectingAndKeepsTheSession()
    {
        DeskDriver desk;
        desk.trust.pin(QStringLiteral("127.0.0.1"), m_server->port(), m_server->fingerprint());
        desk.window.show();
        desk.connectTo(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(desk.connectionText().startsWith(QStringLiteral("Connected")), 10000);
        desk.submitSignIn(QStringLiteral("meera@example.com"), TestServer::kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(desk.session.isSignedIn(), 10000);

        m_server->stop();
        QTRY_VERIFY_WITH_TIMEOUT(desk.connectionText().startsWith(QStringLiteral("Reconnecting")), 10000);
        QVERIFY(m_server->start());
        QTRY_VERIFY_WITH_TIMEOUT(desk.connectionText().startsWith(QStringLiteral("Connected")), 15000);
        QVERIFY(desk.session.isSignedIn());
        QVERIFY(desk.find<QLabel>("summaryLabel")->isVisible());
    }
};

QTEST_MAIN(TestDeskWindow)
#include "TestDeskWindow.moc"
