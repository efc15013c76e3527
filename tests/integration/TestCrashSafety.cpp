#include "ServerProcess.h"
#include "SmtpSink.h"
#include "TestClient.h"
#include "TestServer.h"
#include "common/Protocol.h"
#include "common/messages/RegisterParams.h"
#include "common/tickets/CreateTicketParams.h"
#include "common/tickets/ReplyParams.h"
#include "common/tickets/ReplyResult.h"
#include "common/tickets/SearchTicketsParams.h"
#include "common/tickets/TicketDetail.h"
#include "common/tickets/TicketPage.h"
#include "common/tickets/TicketRef.h"
#include "common/tickets/TicketResult.h"

#include <QFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace ccr;
using namespace ccr::tests;
namespace Method = common::Protocol::Method;

namespace {

constexpr int kCustomers = 4;

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString customerEmail(int i)
{
    return QStringLiteral("crash%1@example.com").arg(i);
}

/** Runs a SQL scalar on the (stopped) server's database file. */
QVariant scalar(const QString& databasePath, const QString& sql)
{
    QVariant value;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(databasePath);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
    return value;
}

} // namespace

class TestCrashSafety final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    quint16 m_smtpPort = 0;

    QStringList serverArguments() const
    {
        return {QStringLiteral("--config"),   m_dir.filePath(QStringLiteral("server.ini")),
                QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data")),
                QStringLiteral("--port"),     QString::number(m_port)};
    }

    void writeConfig()
    {
        QFile file(m_dir.filePath(QStringLiteral("server.ini")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QTextStream out(&file);
        out << "[accounts]\nscrypt_log2n=10\nmax_failed_sign_ins_per_address=100000\n"
            << "[smtp]\nhost=127.0.0.1\nport=" << m_smtpPort << "\nsecurity=none\n"
            << "[mail]\nretry_first_seconds=1\nretry_max_seconds=1\npoll_ms=100\n";
    }

private Q_SLOTS:
    void acknowledgedWorkSurvivesKillsAndMailIsDeliveredAfterwards()
    {
        m_port = freePort();
        m_smtpPort = freePort();
        writeConfig();
        auto server = std::make_unique<ServerProcess>(serverArguments());
        QVERIFY2(server->waitListening() == m_port, qPrintable(server->output()));
        const QString fingerprint = server->fingerprint();

        std::vector<std::unique_ptr<TestClient>> clients;
        for (int i = 0; i < kCustomers; ++i) {
            clients.push_back(std::make_unique<TestClient>(m_port, fingerprint));
            QVERIFY(clients.back()->waitConnected());
            QVERIFY(clients.back()
                        ->call(Method::Register, common::RegisterParams{customerEmail(i),
                                                                        QStringLiteral("Crash %1").arg(i),
                                                                        TestServer::kPassword,
                                                                        TestServer::kPassword,
                                                                        false,
                                                                        {}}
                                                     .toCbor())
                        .ok());
            QVERIFY(clients.back()->signIn(customerEmail(i), TestServer::kPassword).ok());
        }

        QSet<qint64> ackedTickets;
        QSet<qint64> ackedMessages;
        QHash<int, qint64> lastTicket;
        QObject context;
        for (int round = 1; round <= 3; ++round) {
            // Every client keeps one request in flight: a new ticket, then a reply to it, and so on.
            const qsizetype target = (ackedTickets.size() + ackedMessages.size()) + 60;
            bool killed = false;
            std::function<void(int)> next = [&](int index) {
                if (killed)
                    return;
                auto& api = clients.at(index)->api();
                const bool reply = lastTicket.contains(index) && lastTicket.value(index) > 0;
                if (reply) {
                    api.call(
                        Method::Reply,
                        common::ReplyParams{lastTicket.value(index), QStringLiteral("reply"), false, {}, 0}.toCbor(),
                        &context, [&, index](const common::Result<QCborMap>& result) {
                            if (result)
                                ackedMessages.insert(common::ReplyResult::fromCbor(result.value())->message.id);
                            lastTicket[index] = 0;
                            next(index);
                        });
                } else {
                    api.call(Method::CreateTicket,
                             common::CreateTicketParams{QStringLiteral("Crash round %1").arg(round),
                                                        QStringLiteral("Written before a kill."),
                                                        1,
                                                        common::TicketPriority::Low,
                                                        0,
                                                        {}}
                                 .toCbor(),
                             &context, [&, index](const common::Result<QCborMap>& result) {
                                 if (result) {
                                     const qint64 id = common::TicketResult::fromCbor(result.value())->ticket.id;
                                     ackedTickets.insert(id);
                                     lastTicket[index] = id;
                                 }
                                 next(index);
                             });
                }
            };
            for (int i = 0; i < kCustomers; ++i)
                next(i);
            QVERIFY(QTest::qWaitFor([&] { return ackedTickets.size() + ackedMessages.size() >= target; }, 30000));
            // SIGKILL with requests in flight: no chance to flush or close anything.
            server->kill();
            killed = true;
            for (auto& client : clients)
                QVERIFY(client->waitForState(app::ConnectionState::Reconnecting));
            server = std::make_unique<ServerProcess>(serverArguments());
            QVERIFY2(server->waitListening() == m_port, qPrintable(server->output()));
            for (auto& client : clients)
                QVERIFY(client->waitConnected(15000));
        }

        // Everything the clients got an acknowledgement for is there.
        for (const qint64 id : std::as_const(ackedTickets)) {
            bool found = false;
            for (auto& client : clients)
                found = found || client->call(Method::GetTicket, common::TicketRef{id, {}}.toCbor()).ok();
            QVERIFY2(found, qPrintable(QStringLiteral("acknowledged ticket %1 is missing").arg(id)));
        }
        QSet<qint64> storedMessages;
        for (auto& client : clients) {
            for (const qint64 id : std::as_const(ackedTickets)) {
                auto detail =
                    client->callFor<common::TicketDetail>(Method::GetTicket, common::TicketRef{id, {}}.toCbor());
                if (!detail)
                    continue;
                for (const auto& message : detail->messages)
                    storedMessages.insert(message.id);
            }
        }
        for (const qint64 id : std::as_const(ackedMessages))
            QVERIFY2(storedMessages.contains(id),
                     qPrintable(QStringLiteral("acknowledged reply %1 is missing").arg(id)));
        QVERIFY(ackedTickets.size() >= 60);

        // And searchable: texts a kill left queued for the search index were indexed at the restart.
        qint64 searchable = 0;
        for (auto& client : clients) {
            auto page = client->callFor<common::TicketPage>(
                Method::SearchTickets, common::SearchTicketsParams{QStringLiteral("crash round"), 100, 0}.toCbor());
            QVERIFY2(page.ok(), qPrintable(page.error().message));
            searchable += page->total;
        }
        QVERIFY2(
            searchable >= ackedTickets.size(),
            qPrintable(QStringLiteral("%1 of %2 acknowledged tickets found").arg(searchable).arg(ackedTickets.size())));

        QCOMPARE(server->terminate(), 0);
        const QString database = m_dir.filePath(QStringLiteral("data/ccr.sqlite3"));
        QCOMPARE(scalar(database, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        // The search file holds every queued text: its mark reached the queue's newest id.
        const qint64 newestQueued =
            scalar(database, QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'search_queue'"))
                .toLongLong();
        QVERIFY(newestQueued >= ackedTickets.size());
        QCOMPARE(scalar(m_dir.filePath(QStringLiteral("data/ccr-search.sqlite3")),
                        QStringLiteral("SELECT value FROM search_state WHERE key = 'indexed_up_to'"))
                     .toLongLong(),
                 newestQueued);
        const qint64 queued = scalar(database, QStringLiteral("SELECT COUNT(*) FROM outbox")).toLongLong();
        QVERIFY(queued >= kCustomers + ackedTickets.size()); // welcome + one receipt per ticket

        // The SMTP relay comes back: every queued mail goes out.
        SmtpSink sink;
        QVERIFY(sink.start(m_smtpPort));
        server = std::make_unique<ServerProcess>(serverArguments());
        QVERIFY(server->waitListening() == m_port);
        QCOMPARE(sink.waitForMails(static_cast<int>(queued), 60000).size(), queued);
        QCOMPARE(server->terminate(), 0);
        QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status = 'sent'")).toLongLong(),
                 queued);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "TestCrashSafety.moc"
