#include "TestClient.h"
#include "TestServer.h"
#include "client/ApiClient.h"
#include "client/Session.h"
#include "client/SettingsTrustStore.h"
#include "client/TicketListModel.h"
#include "common/Protocol.h"
#include "common/account/NotificationPreferences.h"
#include "common/tickets/AssignParams.h"
#include "common/tickets/CreateTicketParams.h"
#include "common/tickets/TicketResult.h"
#include "common/tickets/ReplyParams.h"
#include "common/tickets/ResolveParams.h"
#include "common/tickets/TicketDetail.h"
#include "common/tickets/TicketRef.h"
#include "desk/CustomerWindow.h"
#include "desk/DeskWindow.h"
#include "desk/MessageBox.h"
#include "desk/NewTicketDialog.h"
#include "Base32.h"
#include "DeskDriver.h"
#include "SmtpSink.h"
#include "desk/PasswordResetDialog.h"
#include "desk/QrCodeWidget.h"
#include "desk/RatingDialog.h"
#include "desk/RegisterDialog.h"
#include "desk/SettingsDialog.h"
#include "desk/TicketView.h"
#include "desk/TwoFactorSettingsPage.h"
#include "services/Totp.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QSettings>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace ccr;
using namespace ccr::tests;
namespace Method = common::Protocol::Method;

namespace {

const QString kCustomerPassword = QStringLiteral("kettle descaling 2026");

} // namespace

class TestCustomerWindow final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_agent;
    std::unique_ptr<TestClient> m_admin;
    common::UserInfo m_agentUser;

    /** Staff act through the client library, as their own apps would. */
    void signInStaff()
    {
        m_agentUser = m_server->createUser(QStringLiteral("agent.anna@example.com"), common::Role::Agent);
        m_server->createUser(QStringLiteral("admin@example.com"), common::Role::Admin);
        m_agent = std::make_unique<TestClient>(m_server->port(), m_server->fingerprint());
        m_admin = std::make_unique<TestClient>(m_server->port(), m_server->fingerprint());
        QVERIFY(m_agent->waitConnected() && m_admin->waitConnected());
        QVERIFY(m_agent->signIn(QStringLiteral("agent.anna@example.com"), TestServer::kPassword).ok());
        QVERIFY(m_admin->signIn(QStringLiteral("admin@example.com"), TestServer::kPassword).ok());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CustomerCareRegistryTests"));
        QCoreApplication::setApplicationName(QStringLiteral("TestCustomerWindow"));
        // Drafts and seen-marks of an earlier run must not leak into this one.
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
        QSettings().clear();
    }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        signInStaff();
    }

    void cleanup()
    {
        m_agent.reset();
        m_admin.reset();
        m_server.reset();
    }

    void registerRaiseFollowReopenAndClose()
    {
        DeskDriver desk;
        desk.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&desk.window));
        QVERIFY(desk.connectAndTrust(*m_server));

        // Register, first with mistakes the shared rules catch before anything is sent.
        QTest::mouseClick(desk.find<QPushButton>("registerPushButton"), Qt::LeftButton);
        auto* form = desk.window.findChild<app::RegisterDialog*>();
        QVERIFY(form);
        desk.type(desk.find<QLineEdit>("displayNameLineEdit", form), QStringLiteral("Priya Raman"));
        desk.type(desk.find<QLineEdit>("emailLineEdit", form), QStringLiteral("priya@example"));
        desk.type(desk.find<QLineEdit>("passwordLineEdit", form), QStringLiteral("short"));
        desk.type(desk.find<QLineEdit>("confirmationLineEdit", form), QStringLiteral("short"));
        QTest::mouseClick(desk.find<QPushButton>("submitPushButton", form), Qt::LeftButton);
        QVERIFY(desk.find<QLabel>("emailErrorLabel", form)->isVisible());
        QVERIFY(desk.find<QLabel>("passwordErrorLabel", form)->isVisible());
        QVERIFY(!desk.find<QLabel>("emailErrorLabel", form)->text().isEmpty());
        desk.type(desk.find<QLineEdit>("emailLineEdit", form), QStringLiteral("priya@example.com"));
        desk.type(desk.find<QLineEdit>("passwordLineEdit", form), kCustomerPassword);
        desk.type(desk.find<QLineEdit>("confirmationLineEdit", form), kCustomerPassword);
        QTest::mouseClick(desk.find<QPushButton>("submitPushButton", form), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(desk.window.findChild<app::RegisterDialog*>() == nullptr, 10000);
        QCOMPARE(desk.find<QLineEdit>("emailLineEdit")->text(), QStringLiteral("priya@example.com"));

        QVERIFY(desk.signIn(QStringLiteral("priya@example.com"), kCustomerPassword));
        QTRY_VERIFY(desk.customer().isVisible());

        // A new ticket: empty fields are refused next to the fields, then it goes through with a file.
        QTest::mouseClick(desk.find<QPushButton>("newTicketPushButton"), Qt::LeftButton);
        auto* dialog = desk.window.findChild<app::NewTicketDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(desk.find<QComboBox>("categoryComboBox", dialog)->count() > 0);
        QTest::mouseClick(desk.find<QPushButton>("submitPushButton", dialog), Qt::LeftButton);
        QVERIFY(desk.find<QLabel>("subjectErrorLabel", dialog)->isVisible());
        QVERIFY(desk.find<QLabel>("descriptionErrorLabel", dialog)->isVisible());
        desk.type(desk.find<QLineEdit>("subjectLineEdit", dialog), QStringLiteral("Kettle leaks — bitte helfen"));
        desk.type(desk.find<QPlainTextEdit>("descriptionTextEdit", dialog),
                  QStringLiteral("Water comes out of the base after two days."));
        QFile photo(desk.dir.filePath(QStringLiteral("base.jpg")));
        QVERIFY(photo.open(QIODevice::WriteOnly));
        photo.write(QByteArray(600 * 1024, 'k'));
        photo.close();
        dialog->addFile(photo.fileName());
        QTest::mouseClick(desk.find<QPushButton>("submitPushButton", dialog), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(desk.window.findChild<app::NewTicketDialog*>() == nullptr, 15000);

        auto& tickets = desk.customer().tickets();
        QTRY_COMPARE_WITH_TIMEOUT(tickets.rowCount(), 1, 10000);
        const common::TicketInfo ticket = *tickets.ticketAt(0);
        QCOMPARE(ticket.subject, QStringLiteral("Kettle leaks — bitte helfen"));
        QVERIFY(desk.find<QLabel>("noticeLabel")->text().contains(ticket.number));
        QTRY_VERIFY(desk.header().contains(ticket.number));
        QTRY_VERIFY(desk.conversation().contains(QStringLiteral("base.jpg")));

        // The agent answers through the client library: it appears in the open ticket without a refresh.
        QVERIFY(m_admin->call(Method::Assign, common::AssignParams{ticket.id, m_agentUser.id}.toCbor()).ok());
        QVERIFY(m_agent->call(Method::Reply, common::ReplyParams{ticket.id, QStringLiteral("Please send a photo of "
                                                                                           "the seal."),
                                                                 false, {}, 0}
                                                 .toCbor())
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(desk.conversation().contains(QStringLiteral("photo of the seal")), 10000);
        QTRY_VERIFY(desk.header().contains(QStringLiteral("In progress")));
        QTRY_VERIFY(tickets.ticketAt(0)->agentName == m_agentUser.displayName);

        QVERIFY(m_agent->call(Method::Resolve, common::ResolveParams{ticket.id, QStringLiteral("New seal sent.")}
                                                   .toCbor())
                    .ok());
        auto* confirm = desk.find<QPushButton>("confirmClosurePushButton");
        QTRY_VERIFY_WITH_TIMEOUT(confirm->isVisible(), 10000);
        QVERIFY(desk.header().contains(QStringLiteral("Resolved")));

        // Not solved after all: a reply reopens it.
        desk.type(desk.find<QPlainTextEdit>("replyTextEdit"), QStringLiteral("Still dripping, sorry."));
        QTest::mouseClick(desk.find<QPushButton>("sendReplyPushButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(desk.header().contains(QStringLiteral("In progress")), 10000);
        QVERIFY(desk.find<QPlainTextEdit>("replyTextEdit")->toPlainText().isEmpty());
        QVERIFY(desk.conversation().contains(QStringLiteral("Still dripping")));

        // Solved for real: the customer confirms and the ticket is closed.
        QVERIFY(m_agent->call(Method::Resolve, common::ResolveParams{ticket.id, QStringLiteral("Replaced the kettle.")}
                                                   .toCbor())
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(confirm->isVisible(), 10000);
        app::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(desk.header().contains(QStringLiteral("Closed")), 10000);
        const auto detail = m_admin->callFor<common::TicketDetail>(Method::GetTicket,
                                                                   common::TicketRef{ticket.id, {}}.toCbor());
        QCOMPARE(detail->ticket.status, common::TicketStatus::Closed);
        QVERIFY(!desk.find<QPushButton>("sendReplyPushButton")->isEnabled());

        // Rate the resolution: no stars is refused next to the stars, then 4 stars with a comment.
        auto* rate = desk.find<QPushButton>("ratePushButton");
        QTRY_VERIFY(rate->isVisible());
        QTest::mouseClick(rate, Qt::LeftButton);
        auto* rating = desk.window.findChild<app::RatingDialog*>();
        QVERIFY(rating);
        QTest::mouseClick(desk.find<QPushButton>("submitPushButton", rating), Qt::LeftButton);
        QVERIFY(desk.find<QLabel>("starsErrorLabel", rating)->isVisible());
        QTest::mouseClick(desk.find<QRadioButton>("stars4RadioButton", rating), Qt::LeftButton);
        desk.type(desk.find<QPlainTextEdit>("ratingCommentTextEdit", rating), QStringLiteral("Quick and friendly."));
        QTest::mouseClick(desk.find<QPushButton>("submitPushButton", rating), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(desk.window.findChild<app::RatingDialog*>() == nullptr, 10000);
        const auto rated = m_admin->callFor<common::TicketDetail>(Method::GetTicket,
                                                                  common::TicketRef{ticket.id, {}}.toCbor());
        QCOMPARE(rated->ticket.rating, 4);
        QCOMPARE(rated->ticket.ratingComment, QStringLiteral("Quick and friendly."));
        QTRY_VERIFY(desk.header().contains(QStringLiteral("4 of 5")));
    }

    void listUpdatesLiveFiltersAndMarksChanges()
    {
        const auto customer = m_server->createUser(QStringLiteral("li@example.com"), common::Role::Customer);
        DeskDriver desk;
        desk.trust.pin(QStringLiteral("127.0.0.1"), m_server->port(), m_server->fingerprint());
        desk.window.show();
        QVERIFY(desk.connectAndTrust(*m_server));
        QVERIFY(desk.signIn(QStringLiteral("li@example.com"), TestServer::kPassword));
        auto& tickets = desk.customer().tickets();

        // Created by an admin on the customer's behalf: it shows up without a refresh.
        TestClient self(m_server->port(), m_server->fingerprint());
        QVERIFY(self.waitConnected());
        QVERIFY(self.signIn(QStringLiteral("li@example.com"), TestServer::kPassword).ok());
        QList<qint64> ids;
        for (const QString& subject : {QStringLiteral("Late parcel"), QStringLiteral("Wrong size"),
                                       QStringLiteral("Refund for shoes")}) {
            const auto created = self.callFor<common::TicketResult>(
                Method::CreateTicket,
                common::CreateTicketParams{subject, QStringLiteral("Details."), 1, common::TicketPriority::Medium, 0, {}}
                    .toCbor());
            QVERIFY(created.ok());
            ids << created->ticket.id;
        }
        QTRY_COMPARE_WITH_TIMEOUT(tickets.rowCount(), 3, 10000);
        QCOMPARE(tickets.ticketAt(0)->subject, QStringLiteral("Refund for shoes")); // newest update first
        // Raised elsewhere, so news to this window until opened.
        QVERIFY(tickets.data(tickets.index(0, 0), app::TicketListModel::ChangedRole).toBool());
        auto* table = desk.find<QTableView>("ticketTable");
        table->selectRow(0);
        QTRY_VERIFY(!tickets.data(tickets.index(0, 0), app::TicketListModel::ChangedRole).toBool());

        // An agent's reply to the oldest moves it to the top, marked as changed until opened.
        m_server->clock().advanceSeconds(60);
        QVERIFY(m_admin->call(Method::Assign, common::AssignParams{ids.at(0), m_agentUser.id}.toCbor()).ok());
        QVERIFY(m_agent->call(Method::Reply,
                              common::ReplyParams{ids.at(0), QStringLiteral("On its way."), false, {}, 0}.toCbor())
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(tickets.ticketAt(0)->id, ids.at(0), 10000);
        QTRY_VERIFY(tickets.data(tickets.index(0, 0), app::TicketListModel::ChangedRole).toBool());
        table->selectRow(0);
        QTRY_VERIFY(!tickets.data(tickets.index(0, 0), app::TicketListModel::ChangedRole).toBool());

        // Filter by status, then the server's full-text search.
        auto* filter = desk.find<QComboBox>("statusFilterComboBox");
        filter->setCurrentIndex(filter->findText(QStringLiteral("Open")));
        QTRY_COMPARE_WITH_TIMEOUT(tickets.rowCount(), 3, 10000);
        QVERIFY(m_agent->call(Method::Resolve, common::ResolveParams{ids.at(0), QStringLiteral("Delivered.")}
                                                   .toCbor())
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(tickets.rowCount(), 2, 10000); // resolved: no longer "open"
        filter->setCurrentIndex(0);
        QTRY_COMPARE_WITH_TIMEOUT(tickets.rowCount(), 3, 10000);
        desk.type(desk.find<QLineEdit>("searchLineEdit"), QStringLiteral("refund"));
        QTRY_COMPARE_WITH_TIMEOUT(tickets.rowCount(), 1, 10000);
        QCOMPARE(tickets.ticketAt(0)->subject, QStringLiteral("Refund for shoes"));
        QTRY_VERIFY(desk.find<QLabel>("totalLabel")->text().contains(QStringLiteral("1")));
        Q_UNUSED(customer);
    }

    void draftsSurviveClosingTheAppWithoutSending()
    {
        const auto customer = m_server->createUser(QStringLiteral("ines@example.com"), common::Role::Customer);
        TestClient self(m_server->port(), m_server->fingerprint());
        QVERIFY(self.waitConnected());
        QVERIFY(self.signIn(QStringLiteral("ines@example.com"), TestServer::kPassword).ok());
        const auto existing = self.callFor<common::TicketResult>(
            Method::CreateTicket, common::CreateTicketParams{QStringLiteral("Old ticket"), QStringLiteral("Details."), 1,
                                                             common::TicketPriority::Medium, 0, {}}
                                      .toCbor());
        QVERIFY(existing.ok());
        {
            DeskDriver desk;
            desk.window.show();
            QVERIFY(desk.connectAndTrust(*m_server));
            QVERIFY(desk.signIn(QStringLiteral("ines@example.com"), TestServer::kPassword));
            // Half a new ticket, then the form is closed without sending.
            desk.customer().newTicket();
            auto* dialog = desk.window.findChild<app::NewTicketDialog*>();
            QVERIFY(dialog);
            desk.type(desk.find<QLineEdit>("subjectLineEdit", dialog), QStringLiteral("Blender jar cracked"));
            desk.type(desk.find<QPlainTextEdit>("descriptionTextEdit", dialog), QStringLiteral("Arrived broken."));
            desk.find<QComboBox>("priorityComboBox", dialog)->setCurrentIndex(3);
            dialog->reject();
            // Half a reply; then the app goes away (a crash or a restart).
            desk.customer().openTicket(existing->ticket.id);
            QTRY_VERIFY(desk.header().contains(existing->ticket.number));
            desk.type(desk.find<QPlainTextEdit>("replyTextEdit"), QStringLiteral("Any news on this?"));
        }
        DeskDriver again;
        again.window.show();
        QVERIFY(again.connectAndTrust(*m_server));
        QVERIFY(again.signIn(QStringLiteral("ines@example.com"), TestServer::kPassword));
        again.customer().newTicket();
        auto* restored = again.window.findChild<app::NewTicketDialog*>();
        QVERIFY(restored);
        QCOMPARE(again.find<QLineEdit>("subjectLineEdit", restored)->text(), QStringLiteral("Blender jar cracked"));
        QCOMPARE(again.find<QPlainTextEdit>("descriptionTextEdit", restored)->toPlainText(),
                 QStringLiteral("Arrived broken."));
        QCOMPARE(again.find<QComboBox>("priorityComboBox", restored)->currentIndex(), 3);
        restored->reject();
        again.customer().openTicket(existing->ticket.id);
        QTRY_VERIFY(again.header().contains(existing->ticket.number));
        QCOMPARE(again.find<QPlainTextEdit>("replyTextEdit")->toPlainText(), QStringLiteral("Any news on this?"));
        Q_UNUSED(customer);
    }

    void twoFactorSignInFromTheSettings()
    {
        m_server->createUser(QStringLiteral("tomas@example.com"), common::Role::Customer);
        DeskDriver desk;
        desk.window.show();
        QVERIFY(desk.connectAndTrust(*m_server));
        QVERIFY(desk.signIn(QStringLiteral("tomas@example.com"), TestServer::kPassword));
        QTest::mouseClick(desk.find<QPushButton>("settingsPushButton"), Qt::LeftButton);
        auto* settings = desk.window.findChild<app::SettingsDialog*>();
        QVERIFY(settings);
        auto* page = desk.find<app::TwoFactorSettingsPage>("twoFactorSettingsPage", settings);
        settings->tabs()->setCurrentWidget(page);
        QTRY_VERIFY(desk.find<QLabel>("twoFactorStatusLabel", page)->text().contains(QStringLiteral("off")));
        QTest::mouseClick(desk.find<QPushButton>("turnOnTwoFactorPushButton", page), Qt::LeftButton);
        auto* qr = desk.find<app::QrCodeWidget>("twoFactorQrCode", page);
        QTRY_VERIFY(qr->hasCode());
        QVERIFY(qr->text().startsWith(QStringLiteral("otpauth://totp/")));
        const QByteArray secret =
            fromBase32(desk.find<QLabel>("twoFactorSecretLabel", page)->text().remove(QLatin1Char(' ')));
        QVERIFY(!secret.isEmpty());
        auto codeNow = [&] {
            return server::Totp::code(secret, m_server->clock().now().toSecsSinceEpoch() / 30);
        };
        desk.type(desk.find<QLineEdit>("twoFactorCodeLineEdit", page), QStringLiteral("000000"));
        QTest::mouseClick(desk.find<QPushButton>("confirmTwoFactorPushButton", page), Qt::LeftButton);
        QTRY_VERIFY(!desk.find<QLabel>("twoFactorMessageLabel", page)->text().isEmpty()); // a wrong code is refused
        desk.type(desk.find<QLineEdit>("twoFactorCodeLineEdit", page), codeNow());
        QTest::mouseClick(desk.find<QPushButton>("confirmTwoFactorPushButton", page), Qt::LeftButton);
        auto* codes = desk.find<QPlainTextEdit>("recoveryCodesTextEdit", page);
        QTRY_COMPARE_WITH_TIMEOUT(codes->toPlainText().split(QLatin1Char('\n')).size(), 10, 10000);
        QTRY_VERIFY(desk.find<QLabel>("twoFactorStatusLabel", page)->text().contains(QStringLiteral("on")));
        settings->reject();

        // Signing in now asks for the code.
        QTest::mouseClick(desk.find<QPushButton>("customerSignOutPushButton"), Qt::LeftButton);
        QTRY_VERIFY(!desk.session.isSignedIn());
        desk.type(desk.find<QLineEdit>("emailLineEdit"), QStringLiteral("tomas@example.com"));
        desk.type(desk.find<QLineEdit>("passwordLineEdit"), TestServer::kPassword);
        QTest::keyClick(desk.find<QLineEdit>("passwordLineEdit"), Qt::Key_Return);
        auto* code = desk.find<QLineEdit>("codeLineEdit");
        QTRY_VERIFY_WITH_TIMEOUT(code->isVisible(), 10000);
        QVERIFY(!desk.session.isSignedIn());
        m_server->clock().advanceSeconds(30); // a fresh code: the one used to confirm cannot be replayed
        desk.type(code, codeNow());
        QTest::keyClick(code, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(desk.session.isSignedIn(), 10000);
    }

    void passwordAndEmailSettings()
    {
        m_server->createUser(QStringLiteral("kai@example.com"), common::Role::Customer);
        DeskDriver desk;
        desk.window.show();
        QVERIFY(desk.connectAndTrust(*m_server));
        QVERIFY(desk.signIn(QStringLiteral("kai@example.com"), TestServer::kPassword));
        QTest::mouseClick(desk.find<QPushButton>("settingsPushButton"), Qt::LeftButton);
        auto* settings = desk.window.findChild<app::SettingsDialog*>();
        QVERIFY(settings);

        // Email: the kinds a customer gets are offered; turning one off is kept by the server.
        auto* email = desk.find<QWidget>("notificationSettingsPage", settings);
        settings->tabs()->setCurrentWidget(email);
        QCheckBox* replies = nullptr;
        QTRY_VERIFY((replies = email->findChild<QCheckBox*>(QStringLiteral("notify_new_reply"))) != nullptr);
        QVERIFY(replies->isChecked());
        QVERIFY(email->findChild<QCheckBox*>(QStringLiteral("notify_password_reset")) == nullptr); // security mail
        replies->setChecked(false);
        QTest::mouseClick(desk.find<QPushButton>("saveNotificationsPushButton", email), Qt::LeftButton);
        QTRY_COMPARE(desk.find<QLabel>("notificationsMessageLabel", email)->text(), QStringLiteral("Saved."));
        TestClient self(m_server->port(), m_server->fingerprint());
        QVERIFY(self.waitConnected());
        QVERIFY(self.signIn(QStringLiteral("kai@example.com"), TestServer::kPassword).ok());
        const auto stored = self.callFor<common::NotificationPreferences>(Method::GetNotificationPreferences);
        QVERIFY(stored.ok());
        QVERIFY(stored->disabled.contains(common::NotificationKind::NewReply));

        // Password: the shared rules first, then the server checks the current password.
        auto* password = desk.find<QWidget>("passwordSettingsPage", settings);
        settings->tabs()->setCurrentWidget(password);
        const QString newPassword = QStringLiteral("a brand new passphrase");
        desk.type(desk.find<QLineEdit>("currentPasswordLineEdit", password), QStringLiteral("not my password"));
        desk.type(desk.find<QLineEdit>("newPasswordLineEdit", password), QStringLiteral("short"));
        desk.type(desk.find<QLineEdit>("newPasswordAgainLineEdit", password), QStringLiteral("short"));
        QTest::mouseClick(desk.find<QPushButton>("changePasswordPushButton", password), Qt::LeftButton);
        QVERIFY(desk.find<QLabel>("newPasswordErrorLabel", password)->isVisible());
        desk.type(desk.find<QLineEdit>("newPasswordLineEdit", password), newPassword);
        desk.type(desk.find<QLineEdit>("newPasswordAgainLineEdit", password), newPassword);
        QTest::mouseClick(desk.find<QPushButton>("changePasswordPushButton", password), Qt::LeftButton);
        auto* outcome = desk.find<QLabel>("passwordMessageLabel", password);
        QTRY_VERIFY_WITH_TIMEOUT(!outcome->text().isEmpty(), 10000);
        QVERIFY(!outcome->text().contains(QStringLiteral("changed")));
        desk.type(desk.find<QLineEdit>("currentPasswordLineEdit", password), TestServer::kPassword);
        desk.type(desk.find<QLineEdit>("newPasswordLineEdit", password), newPassword);
        desk.type(desk.find<QLineEdit>("newPasswordAgainLineEdit", password), newPassword);
        QTest::mouseClick(desk.find<QPushButton>("changePasswordPushButton", password), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(outcome->text().contains(QStringLiteral("changed")), 10000);
        // This session stays; the new password is the one that works from now on.
        QVERIFY(desk.session.isSignedIn());
        TestClient fresh(m_server->port(), m_server->fingerprint());
        QVERIFY(fresh.waitConnected());
        QVERIFY(!fresh.signIn(QStringLiteral("kai@example.com"), TestServer::kPassword).ok());
        QVERIFY(fresh.signIn(QStringLiteral("kai@example.com"), newPassword).ok());
        settings->reject();
    }

    void forgotPasswordByEmailedCode()
    {
        SmtpSink sink;
        QVERIFY(sink.start());
        TestServer mailing(TestServer::mailingConfig(sink.port()));
        QVERIFY(mailing.start());
        mailing.createUser(QStringLiteral("rosa@example.com"), common::Role::Customer);
        DeskDriver desk;
        desk.window.show();
        QVERIFY(desk.connectAndTrust(mailing));
        desk.type(desk.find<QLineEdit>("emailLineEdit"), QStringLiteral("rosa@example.com"));
        QTest::mouseClick(desk.find<QPushButton>("forgotPasswordPushButton"), Qt::LeftButton);
        auto* dialog = desk.window.findChild<app::PasswordResetDialog*>();
        QVERIFY(dialog);
        QCOMPARE(desk.find<QLineEdit>("resetEmailLineEdit", dialog)->text(), QStringLiteral("rosa@example.com"));
        QTest::mouseClick(desk.find<QPushButton>("sendCodePushButton", dialog), Qt::LeftButton);
        auto* code = desk.find<QLineEdit>("resetCodeLineEdit", dialog);
        QTRY_VERIFY_WITH_TIMEOUT(code->isVisible(), 10000);

        const QString emailed = sink.latestResetCode(QStringLiteral("rosa@example.com"), 1);
        QVERIFY(!emailed.isEmpty());
        const QString newPassword = QStringLiteral("new kettle password 7");
        desk.type(code, emailed);
        desk.type(desk.find<QLineEdit>("newPasswordLineEdit", dialog), newPassword);
        desk.type(desk.find<QLineEdit>("newPasswordAgainLineEdit", dialog), QStringLiteral("not the same at all"));
        QTest::mouseClick(desk.find<QPushButton>("resetPushButton", dialog), Qt::LeftButton);
        QVERIFY(desk.find<QLabel>("newPasswordConfirmationErrorLabel", dialog)->isVisible());
        desk.type(desk.find<QLineEdit>("newPasswordAgainLineEdit", dialog), newPassword);
        QTest::mouseClick(desk.find<QPushButton>("resetPushButton", dialog), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(desk.window.findChild<app::PasswordResetDialog*>() == nullptr, 10000);
        QVERIFY(desk.find<QLabel>("messageLabel")->text().contains(QStringLiteral("password was changed")));
        QVERIFY(desk.signIn(QStringLiteral("rosa@example.com"), newPassword));
    }

    void aHalfWrittenReplySurvivesGoingOffline()
    {
        m_server->createUser(QStringLiteral("omar@example.com"), common::Role::Customer);
        DeskDriver desk;
        desk.window.show();
        QVERIFY(desk.connectAndTrust(*m_server));
        QVERIFY(desk.signIn(QStringLiteral("omar@example.com"), TestServer::kPassword));
        QTest::mouseClick(desk.find<QPushButton>("newTicketPushButton"), Qt::LeftButton);
        auto* dialog = desk.window.findChild<app::NewTicketDialog*>();
        QTRY_VERIFY(desk.find<QComboBox>("categoryComboBox", dialog)->count() > 0);
        desk.type(desk.find<QLineEdit>("subjectLineEdit", dialog), QStringLiteral("Invoice address"));
        desk.type(desk.find<QPlainTextEdit>("descriptionTextEdit", dialog), QStringLiteral("Wrong street."));
        QTest::mouseClick(desk.find<QPushButton>("submitPushButton", dialog), Qt::LeftButton);
        auto& tickets = desk.customer().tickets();
        QTRY_COMPARE_WITH_TIMEOUT(tickets.rowCount(), 1, 10000);
        QTRY_VERIFY(desk.header().contains(tickets.ticketAt(0)->number));

        auto* reply = desk.find<QPlainTextEdit>("replyTextEdit");
        auto* send = desk.find<QPushButton>("sendReplyPushButton");
        desk.type(reply, QStringLiteral("The street is Mill Lane 4"));
        QVERIFY(send->isEnabled());
        m_server->stop();
        QTRY_VERIFY_WITH_TIMEOUT(desk.client.state() != app::ConnectionState::Connected, 10000);
        QVERIFY(!send->isEnabled());
        QVERIFY(!desk.find<QPushButton>("newTicketPushButton")->isEnabled());
        desk.type(reply, QStringLiteral("The street is Mill Lane 4, postcode 90210."));
        QVERIFY(m_server->start());
        QTRY_VERIFY_WITH_TIMEOUT(desk.client.state() == app::ConnectionState::Connected, 20000);
        QCOMPARE(reply->toPlainText(), QStringLiteral("The street is Mill Lane 4, postcode 90210."));
        QTRY_VERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(desk.conversation().contains(QStringLiteral("postcode 90210")), 10000);
        QVERIFY(reply->toPlainText().isEmpty());
    }
};

QTEST_MAIN(TestCustomerWindow)
#include "TestCustomerWindow.moc"
