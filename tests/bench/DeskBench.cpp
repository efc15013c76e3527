// ccr-desk-bench: how fast the desktop app is usable, and how it copes with a long ticket
// list (docs/benchmarks.md). Linux-only like ccr-bench: it reads /proc for memory.
#include "BenchServer.h"
#include "LatencyStats.h"
#include "PinnedTrustStore.h"
#include "client/ApiClient.h"
#include "client/Session.h"
#include "client/TicketListModel.h"
#include "desk/CustomerWindow.h"
#include "desk/DeskWindow.h"
#include "store/BulkLoader.h"
#include "store/Database.h"
#include "store/UserStore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextStream>

#include <algorithm>

using namespace ccr;
using namespace ccr::bench;

namespace {

const QString kPassword = QStringLiteral("bench password 2026");

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const auto& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

/** The child: the app's sign-in window, shown and painted; then it says so and leaves. */
int startupChild(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    bench::PinnedTrustStore trust({});
    app::ApiClient client(trust);
    app::Session session(client);
    app::DeskWindow window(client, session);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QCoreApplication::processEvents();
    QTextStream(stdout) << "ready" << Qt::endl;
    return 0;
}

void measureStartup(const QString& self, int runs)
{
    LatencyStats startup;
    for (int run = 0; run < runs; ++run) {
        QProcess child;
        // The same platform as this run (offscreen, or xcb under a display).
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QGuiApplication::platformName());
        child.setProcessEnvironment(environment);
        QElapsedTimer clock;
        clock.start();
        child.start(self, {QStringLiteral("--startup-child")});
        if (!child.waitForReadyRead(30000) || !child.readAll().contains("ready"))
            qFatal("the startup child did not get ready");
        startup.add(clock.nsecsElapsed());
        child.waitForFinished(10000);
    }
    out() << "- Start to a shown, painted sign-in window (new process, " << runs << " runs): median "
          << QString::number(startup.percentileMs(50), 'f', 0) << " ms, slowest "
          << QString::number(startup.percentileMs(100), 'f', 0) << " ms" << Qt::endl;
}

/** Gives customer0 `tickets` tickets in the bench server's database, before the server starts. */
void loadCustomerTickets(const QString& databasePath, qint64 tickets)
{
    server::Database db;
    if (!db.open(databasePath))
        qFatal("cannot open the bench database");
    const auto customer = server::UserStore(db).findByEmail(QStringLiteral("customer0@bench.example"));
    if (!customer)
        qFatal("no bench customer");
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-30);
    const auto loaded = server::BulkLoader(db).loadTickets(tickets, [&](qint64 i) {
        server::BulkTicket ticket;
        ticket.customerId = customer->id;
        ticket.categoryId = 1 + i % 5;
        ticket.priority = static_cast<common::TicketPriority>(i % 4);
        ticket.subject = QStringLiteral("Question number %1 about my order").arg(i);
        ticket.description = QStringLiteral("Bench ticket %1.").arg(i);
        ticket.createdAt = start.addSecs(i * 60);
        return ticket;
    });
    if (!loaded)
        qFatal("loading tickets failed: %s", qPrintable(loaded.error().message));
}

void measureLongList(qint64 tickets)
{
    BenchServer server(QStringLiteral(CCR_SERVER_BINARY));
    if (!server.seed(0, kPassword, QStringLiteral("normal")))
        qFatal("seeding the bench accounts failed");
    loadCustomerTickets(server.dataDir() + QStringLiteral("/data/ccr.sqlite3"), tickets);
    if (!server.start(QStringLiteral("normal")))
        qFatal("the bench server did not start");

    const qint64 before = residentKiB();
    bench::PinnedTrustStore trust(server.fingerprint());
    app::ApiClient client(trust);
    app::Session session(client);
    app::DeskWindow window(client, session);
    window.resize(1100, 760);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        qFatal("window not shown");
    client.connectToServer(QStringLiteral("127.0.0.1"), server.port());
    if (!QTest::qWaitFor([&] { return client.state() == app::ConnectionState::Connected; }, 10000))
        qFatal("not connected");
    window.findChild<QLineEdit*>(QStringLiteral("emailLineEdit"))->setText(QStringLiteral("customer0@bench.example"));
    window.findChild<QLineEdit*>(QStringLiteral("passwordLineEdit"))->setText(kPassword);

    auto& model = window.customerWindow()->tickets();
    auto* table = window.findChild<QTableView*>(QStringLiteral("ticketTable"));
    LatencyStats pages;
    QElapsedTimer pageClock;
    QObject::connect(&model, &app::TicketListModel::loadingChanged, &model, [&](bool loading) {
        if (loading)
            pageClock.start();
        else
            pages.add(pageClock.nsecsElapsed());
    });
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("signInPushButton")), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return model.rowCount() >= app::TicketListModel::kPageSize; }, 30000))
        qFatal("the first page did not arrive");
    const double firstPageMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    // Scrolling to the end, as a person dragging the scroll bar down would: each time the
    // view reaches the bottom it asks the model for the next page.
    while (model.rowCount() < tickets && clock.elapsed() < 300000) {
        table->scrollToBottom();
        QTest::qWait(1);
    }
    const double allMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    const qint64 after = residentKiB();
    out() << "- A customer with " << tickets << " tickets: first page (" << app::TicketListModel::kPageSize
          << " rows) shown " << QString::number(firstPageMs, 'f', 0) << " ms after clicking Sign in (includes the "
          << "scrypt sign-in); all " << model.rowCount() << " rows loaded by scrolling to the end in "
          << QString::number(allMs / 1000.0, 'f', 1) << " s; each page of " << app::TicketListModel::kPageSize
          << ": p50 " << QString::number(pages.percentileMs(50), 'f', 1) << " ms, p95 "
          << QString::number(pages.percentileMs(95), 'f', 1) << " ms, p99 "
          << QString::number(pages.percentileMs(99), 'f', 1) << " ms" << Qt::endl;
    out() << "- App memory (resident) with that list open: " << after / 1024 << " MB (" << before / 1024
          << " MB before the window)" << Qt::endl;
    server.stop();
}

} // namespace

int main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--startup-child") == 0)
            return startupChild(argc, argv);
    }
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(QStringLiteral("ccr.*.debug=false\nccr.*.info=false"));
    const qint64 tickets = argc > 1 ? QString::fromLocal8Bit(argv[1]).toLongLong() : 10000;
    out() << "### Desktop app (" << QGuiApplication::platformName() << " platform)\n" << Qt::endl;
    measureStartup(QCoreApplication::applicationFilePath(), 5);
    measureLongList(tickets);
    return 0;
}
