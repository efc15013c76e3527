// Opens each customer screen of ccr-desk with demo data and saves a PNG of it, so the
// README and docs show the real app. Run by scripts/screenshots.sh under Xvfb.
#include "TestClient.h"
#include "TestServer.h"
#include "client/ApiClient.h"
#include "client/Session.h"
#include "client/SettingsTrustStore.h"
#include "client/TicketListModel.h"
#include "client/TicketThread.h"
#include "common/Protocol.h"
#include "common/tickets/AssignParams.h"
#include "common/tickets/CreateTicketParams.h"
#include "common/tickets/ReplyParams.h"
#include "common/tickets/ResolveParams.h"
#include "common/tickets/TicketResult.h"
#include "desk/CustomerWindow.h"
#include "desk/DeskWindow.h"
#include "desk/NewTicketDialog.h"
#include "desk/RatingDialog.h"
#include "desk/RegisterDialog.h"
#include "desk/SettingsDialog.h"
#include "desk/TicketView.h"

#include <QApplication>
#include <QPalette>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ccr;
using namespace ccr::tests;
namespace Method = common::Protocol::Method;

namespace {

QString g_outDir;

void settle(int ms = 400)
{
    QTest::qWait(ms);
}

bool save(QWidget* widget, const QString& name)
{
    settle();
    const QString path = QDir(g_outDir).filePath(name + QStringLiteral(".png"));
    const bool ok = widget->grab().save(path);
    qInfo().noquote() << (ok ? "saved" : "FAILED") << path;
    return ok;
}

template <typename T>
T* find(QObject* under, const char* name)
{
    auto* found = under->findChild<T*>(QString::fromLatin1(name));
    if (!found)
        qFatal("widget %s not found", name);
    return found;
}

/** Waits for the screen to be ready; a tour that cannot get there stops with the reason. */
template <typename Condition>
void waitFor(Condition condition, int timeoutMs)
{
    if (!QTest::qWaitFor(condition, timeoutMs))
        qFatal("a screen was not ready within %d ms", timeoutMs);
}

void act(TestClient& who, const QString& method, const QCborMap& params)
{
    if (const auto done = who.call(method, params); !done)
        qFatal("demo %s: %s", qPrintable(method), qPrintable(done.error().message));
}

qint64 createTicket(TestClient& customer, const QString& subject, const QString& description,
                    common::TicketPriority priority, qint64 category)
{
    const auto created = customer.callFor<common::TicketResult>(
        Method::CreateTicket, common::CreateTicketParams{subject, description, category, priority, 0, {}}.toCbor());
    if (!created)
        qFatal("demo ticket: %s", qPrintable(created.error().message));
    return created->ticket.id;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("CustomerCareRegistryScreenshots"));
    QApplication::setApplicationName(QStringLiteral("ccr-desk"));
    g_outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots");
    const QString suffix = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    QDir().mkpath(g_outDir);
    if (argc > 3 && qstrcmp(argv[3], "dark") == 0) {
        // What a system dark theme hands the app: the windows must follow it, not hard-code light colours.
        QApplication::setStyle(QStringLiteral("Fusion"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xc6));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::Link, QColor(0x7a, 0xb7, 0xff));
        dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        QApplication::setPalette(dark);
    }

    TestServer server;
    if (!server.start())
        qFatal("server did not start");
    server.createUser(QStringLiteral("chitra@example.com"), common::Role::Customer);
    const auto agentUser = server.createUser(QStringLiteral("arjun@example.com"), common::Role::Agent);
    server.createUser(QStringLiteral("ada@example.com"), common::Role::Admin);
    TestClient customer(server.port(), server.fingerprint());
    TestClient agent(server.port(), server.fingerprint());
    TestClient admin(server.port(), server.fingerprint());
    if (!customer.waitConnected() || !agent.waitConnected() || !admin.waitConnected() ||
        !customer.signIn(QStringLiteral("chitra@example.com"), TestServer::kPassword) ||
        !agent.signIn(QStringLiteral("arjun@example.com"), TestServer::kPassword) ||
        !admin.signIn(QStringLiteral("ada@example.com"), TestServer::kPassword))
        qFatal("demo accounts could not sign in");

    // Demo data: tickets in every state a customer meets.
    using common::TicketPriority;
    const qint64 kettle = createTicket(customer, QStringLiteral("Kettle leaks from the base"),
                                       QStringLiteral("After two days of use water comes out under the kettle."),
                                       TicketPriority::High, 3);
    server.clock().advanceSeconds(600);
    const qint64 invoice = createTicket(customer, QStringLiteral("Invoice shows the wrong address"),
                                        QStringLiteral("The street on invoice 55218 should be Mill Lane 4."),
                                        TicketPriority::Low, 2);
    server.clock().advanceSeconds(600);
    const qint64 parcel = createTicket(customer, QStringLiteral("Parcel never arrived"),
                                       QStringLiteral("Tracking says delivered but nothing came."),
                                       TicketPriority::Urgent, 1);
    server.clock().advanceSeconds(600);
    createTicket(customer, QStringLiteral("How do I change my password?"), QStringLiteral("I forgot where it is."),
                 TicketPriority::Medium, 5);
    for (const qint64 id : {kettle, invoice, parcel})
        act(admin, Method::Assign, common::AssignParams{id, agentUser.id}.toCbor());
    server.clock().advanceSeconds(600);
    act(agent, Method::Reply, common::ReplyParams{kettle, QStringLiteral("Sorry to hear that! Could you send a photo "
                                                                         "of the base and the seal?"),
                                                  false, {}, 0}
                                  .toCbor());
    server.clock().advanceSeconds(600);
    act(customer, Method::Reply,
                  common::ReplyParams{kettle, QStringLiteral("Here you go, the seal looks cracked."), false, {}, 0}
                      .toCbor());
    act(agent, Method::Resolve, common::ResolveParams{invoice, QStringLiteral("A corrected invoice is on its way by "
                                                                              "email.")}
                                    .toCbor());

    QTemporaryDir dir;
    app::SettingsTrustStore trust(dir.filePath(QStringLiteral("trust.ini")));
    trust.pin(QStringLiteral("127.0.0.1"), server.port(), server.fingerprint());
    app::ApiClient client(trust);
    app::Session session(client);
    app::DeskWindow window(client, session);
    window.resize(1100, 760);
    window.show();
    find<QLineEdit>(&window, "hostLineEdit")->setText(QStringLiteral("127.0.0.1"));
    find<QSpinBox>(&window, "portSpinBox")->setValue(server.port());
    QTest::mouseClick(find<QPushButton>(&window, "connectPushButton"), Qt::LeftButton);
    waitFor([&] { return client.state() == app::ConnectionState::Connected; }, 10000);
    find<QLineEdit>(&window, "emailLineEdit")->setText(QStringLiteral("chitra@example.com"));
    save(&window, QStringLiteral("sign-in") + suffix);

    QTest::mouseClick(find<QPushButton>(&window, "registerPushButton"), Qt::LeftButton);
    settle();
    if (auto* registration = window.findChild<app::RegisterDialog*>()) {
        find<QLineEdit>(registration, "displayNameLineEdit")->setText(QStringLiteral("Priya Raman"));
        find<QLineEdit>(registration, "emailLineEdit")->setText(QStringLiteral("priya@example"));
        find<QLineEdit>(registration, "passwordLineEdit")->setText(QStringLiteral("short"));
        QTest::mouseClick(find<QPushButton>(registration, "submitPushButton"), Qt::LeftButton);
        save(registration, QStringLiteral("register") + suffix);
        registration->reject();
    }

    find<QLineEdit>(&window, "passwordLineEdit")->setText(TestServer::kPassword);
    QTest::keyClick(find<QLineEdit>(&window, "passwordLineEdit"), Qt::Key_Return);
    waitFor([&] { return session.isSignedIn(); }, 10000);
    auto& desk = *window.customerWindow();
    waitFor([&] { return desk.tickets().rowCount() == 4; }, 10000);
    // An update while away: shown in bold until opened.
    server.clock().advanceSeconds(600);
    act(agent, Method::Reply, common::ReplyParams{parcel, QStringLiteral("I asked the courier for the proof of "
                                                                         "delivery and will get back to you today."),
                                                  false, {}, 0}
                                  .toCbor());
    settle(600);
    desk.openTicket(kettle);
    waitFor([&] { return desk.ticketView().thread().detail().has_value(); }, 10000);
    find<QPlainTextEdit>(&window, "replyTextEdit")->setPlainText(QStringLiteral("Thanks, I will wait for the new"));
    save(&window, QStringLiteral("my-tickets") + suffix);

    desk.openTicket(invoice);
    waitFor([&] { return desk.ticketView().ticketId() == invoice &&
                                 desk.ticketView().thread().detail().has_value(); },
                    10000);
    save(&window, QStringLiteral("ticket-resolved") + suffix);
    QTest::mouseClick(find<QPushButton>(&window, "ratePushButton"), Qt::LeftButton);
    settle();
    if (auto* rating = window.findChild<app::RatingDialog*>()) {
        rating->setStars(5);
        find<QPlainTextEdit>(rating, "ratingCommentTextEdit")->setPlainText(QStringLiteral("Fast and friendly."));
        save(rating, QStringLiteral("rating") + suffix);
        rating->reject();
    }

    desk.newTicket();
    settle();
    if (auto* form = window.findChild<app::NewTicketDialog*>()) {
        waitFor([&] { return find<QComboBox>(form, "categoryComboBox")->count() > 0; }, 5000);
        find<QLineEdit>(form, "subjectLineEdit")->setText(QStringLiteral("Blender jar cracked"));
        QFile photo(dir.filePath(QStringLiteral("jar-photo.jpg")));
        if (photo.open(QIODevice::WriteOnly)) {
            photo.write(QByteArray(740 * 1024, 'j'));
            photo.close();
        }
        form->addFile(photo.fileName());
        QTest::mouseClick(find<QPushButton>(form, "submitPushButton"), Qt::LeftButton);
        save(form, QStringLiteral("new-ticket") + suffix);
        form->reject();
    }

    QTest::mouseClick(find<QPushButton>(&window, "settingsPushButton"), Qt::LeftButton);
    settle();
    if (auto* settings = window.findChild<app::SettingsDialog*>()) {
        settings->tabs()->setCurrentIndex(2);
        settle(600);
        save(settings, QStringLiteral("settings") + suffix);
        settings->reject();
    }

    desk.openTicket(kettle);
    settle();
    server.stop();
    waitFor([&] { return client.state() != app::ConnectionState::Connected; }, 10000);
    save(&window, QStringLiteral("offline") + suffix);
    return 0;
}
