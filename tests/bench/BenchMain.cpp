#include "BenchServer.h"
#include "ClientPool.h"
#include "LatencyStats.h"
#include "SqliteBaseline.h"
#include "common/Protocol.h"
#include "common/messages/ResumeParams.h"
#include "common/messages/SignInParams.h"
#include "common/tickets/CreateTicketParams.h"
#include "common/tickets/ListTicketsParams.h"
#include "common/tickets/ReplyParams.h"
#include "common/tickets/SearchTicketsParams.h"
#include "common/tickets/TicketPage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QTextStream>

#include <sys/resource.h>

using namespace ccr;
using namespace ccr::bench;
namespace Method = common::Protocol::Method;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

const QString kDescription = QStringLiteral(
    "The parcel with my blender arrived yesterday but the glass jar is cracked along the side and the lid does not "
    "close any more. I attach a photo of the box, which was already dented when the courier handed it over. I would "
    "like a replacement jar or a refund for the whole order, whichever is faster. Order number 55218, paid by card. "
    "Please tell me whether I need to send the broken jar back first and who pays for the return label. Thanks!");

/** The bench cannot go on without this step; stop with the reason. */
template <typename T> T must(common::Result<T> result, const char* step)
{
    if (!result)
        qFatal("%s failed: %s", step, qPrintable(result.error().message));
    return std::move(result).value();
}

QString benchPassword()
{
    return QStringLiteral("bench password 2026");
}

QString customerEmail(int i)
{
    return QStringLiteral("customer%1@bench.example").arg(i);
}

/** Connections signed in as distinct users of one kind. */
QList<app::ApiClient*> signedIn(ClientPool& pool, int count, const std::function<QString(int)>& email)
{
    const auto clients = pool.open(count);
    for (int i = 0; i < clients.size(); ++i) {
        if (const auto signed_ = ClientPool::signIn(*clients.at(i), email(i), benchPassword()); !signed_)
            qFatal("bench sign-in failed for %s: %s", qPrintable(email(i)), qPrintable(signed_.error().message));
    }
    return clients;
}

/** Server CPU time per request of one row, in microseconds. */
struct CpuPerRequest
{
    double requestThread = 0;
    double allThreads = 0;
};

void row(const QString& what, int clients, const LatencyStats& stats, const CpuPerRequest& cpu)
{
    out() << "| " << what << " | " << clients << " | " << stats.count() << " | "
          << QString::number(stats.throughput(), 'f', 0) << " | " << QString::number(stats.percentileMs(50), 'f', 2)
          << " | " << QString::number(stats.percentileMs(95), 'f', 2) << " | "
          << QString::number(stats.percentileMs(99), 'f', 2) << " | " << QString::number(cpu.requestThread, 'f', 0)
          << " | " << QString::number(cpu.allThreads, 'f', 0) << " |" << Qt::endl;
}

/**
 * Runs one row's requests and prints it with the server's CPU time per request: a figure that
 * moves far less than requests per second when the shared machine's speed drifts, so that two
 * builds can be compared. Work a request leaves for later (indexing its text) counts only as
 * far as it was done before the row ended.
 */
void measure(const BenchServer& server, const QString& what, int clients, const std::function<LatencyStats()>& requests)
{
    const qint64 requestThreadBefore = server.cpuMicros(true);
    const qint64 allThreadsBefore = server.cpuMicros(false);
    const LatencyStats stats = requests();
    const auto count = static_cast<double>(std::max<qsizetype>(1, stats.count()));
    row(what, clients, stats,
        {static_cast<double>(server.cpuMicros(true) - requestThreadBefore) / count,
         static_cast<double>(server.cpuMicros(false) - allThreadsBefore) / count});
}

/** Which scenarios to run: all when the set is empty. */
QSet<QString> g_only;
/** Lines printed after the table. */
QStringList g_notes;

bool wanted(const char* scenario)
{
    return g_only.isEmpty() || g_only.contains(QLatin1String(scenario));
}

void runRequestScenarios(BenchServer& server, int clients, double seconds)
{
    ClientPool pool(server.port(), server.fingerprint());

    const auto customers = signedIn(pool, clients, customerEmail);
    if (wanted("create"))
        measure(server, QStringLiteral("create ticket"), clients, [&] {
            return ClientPool::run(customers, seconds, [](int client, qint64 i) {
                return Request{Method::CreateTicket,
                               common::CreateTicketParams{QStringLiteral("Broken blender jar %1-%2").arg(client).arg(i),
                                                          kDescription,
                                                          1 + i % 5,
                                                          common::TicketPriority::Medium,
                                                          0,
                                                          {}}
                                   .toCbor()};
            });
        });
    // The read rows measure reads, not the search indexer catching up with the tickets just
    // created (on its own thread, after the replies): one untimed search waits until it has.
    if (wanted("create")) {
        QElapsedTimer caughtUp;
        caughtUp.start();
        const auto probe = common::SearchTicketsParams{QStringLiteral("blender"), 1, 0}.toCbor();
        while (!ClientPool::callAndWait(*customers.constFirst(), Method::SearchTickets, probe) &&
               caughtUp.elapsed() < 120000) {
        }
        g_notes.append(QStringLiteral("- Search index caught up with the tickets created at %1 client(s) %2 ms after "
                                      "the create row ended")
                           .arg(clients)
                           .arg(caughtUp.elapsed()));
    }
    if (wanted("list"))
        measure(server, QStringLiteral("first page of my tickets"), clients, [&] {
            return ClientPool::run(customers, seconds, [](int, qint64) {
                common::ListTicketsParams params;
                params.limit = 50;
                return Request{Method::ListTickets, params.toCbor()};
            });
        });
    const QStringList queries{QStringLiteral("refund broken"), QStringLiteral("courier late"),
                              QStringLiteral("card charged twice"), QStringLiteral("battery")};
    if (wanted("search"))
        measure(server, QStringLiteral("full-text search"), clients, [&] {
            return ClientPool::run(customers, seconds, [&](int, qint64 i) {
                return Request{Method::SearchTickets,
                               common::SearchTicketsParams{queries.at(i % queries.size()), 20, 0}.toCbor()};
            });
        });

    // The worst case for ranking: a word in nearly every ticket, so every candidate matches.
    if (wanted("search-every"))
        measure(server, QStringLiteral("full-text search, a word in every ticket"), clients, [&] {
            return ClientPool::run(customers, seconds, [&](int, qint64) {
                return Request{Method::SearchTickets,
                               common::SearchTicketsParams{QStringLiteral("the"), 20, 0}.toCbor()};
            });
        });

    const auto agents = signedIn(pool, clients, [](int i) { return QStringLiteral("agent%1@bench.example").arg(i); });
    QHash<int, QList<qint64>> assigned;
    for (int i = 0; i < agents.size(); ++i) {
        common::ListTicketsParams mine;
        mine.limit = 200;
        mine.statuses = {common::TicketStatus::Assigned, common::TicketStatus::InProgress};
        auto page = ClientPool::callAndWait(*agents.at(i), Method::ListTickets, mine.toCbor());
        if (page) {
            const auto tickets = common::TicketPage::fromCbor(page.value())->tickets;
            for (const auto& ticket : tickets)
                assigned[i].append(ticket.id);
        }
    }
    // Staff search the whole desk they may see (ticket_search, ranked in C++), not their own words.
    if (wanted("search-staff"))
        measure(server, QStringLiteral("full-text search as an agent (own and unassigned tickets)"), clients, [&] {
            return ClientPool::run(agents, seconds, [&](int, qint64 i) {
                return Request{Method::SearchTickets,
                               common::SearchTicketsParams{queries.at(i % queries.size()), 20, 0}.toCbor()};
            });
        });
    if (wanted("queue"))
        measure(server, QStringLiteral("first page of an agent's queue (own and unassigned)"), clients, [&] {
            return ClientPool::run(agents, seconds, [](int, qint64) {
                return Request{Method::ListTickets, common::ListTicketsParams{}.toCbor()};
            });
        });
    if (wanted("reply"))
        measure(server, QStringLiteral("agent reply"), clients, [&] {
            return ClientPool::run(agents, seconds, [&](int client, qint64 i) {
                const auto& ids = assigned.value(client);
                const qint64 ticket = ids.isEmpty() ? 1 : ids.at(static_cast<int>(i % ids.size()));
                return Request{
                    Method::Reply,
                    common::ReplyParams{ticket, QStringLiteral("We are on it, reply %1.").arg(i), false, {}, 0}
                        .toCbor()};
            });
        });

    const auto admins = pool.open(clients);
    const auto adminToken =
        ClientPool::signIn(*admins.constFirst(), QStringLiteral("admin@bench.example"), benchPassword());
    for (int i = 1; i < admins.size(); ++i)
        must(ClientPool::callAndWait(*admins.at(i), Method::Resume, common::ResumeParams{adminToken.value()}.toCbor()),
             "resuming the admin session");
    if (wanted("counts"))
        measure(server, QStringLiteral("admin dashboard counts"), clients, [&] {
            return ClientPool::run(admins, seconds, [](int, qint64) { return Request{Method::TicketCounts, {}}; });
        });

    // Sign-in includes one scrypt hash (N = 2^15) per request: it is slow on purpose.
    const auto fresh = pool.open(clients);
    if (wanted("sign-in"))
        measure(server, QStringLiteral("sign-in (+ sign-out)"), clients, [&] {
            return ClientPool::run(fresh, seconds, [&fresh](int client, qint64 i) {
                if (i % 2 == 1)
                    return Request{Method::SignOut, {}};
                return Request{Method::SignIn,
                               common::SignInParams{customerEmail(50 + client), benchPassword()}.toCbor()};
            });
        });
}

void runIdleAndPush(BenchServer& server, int idle, int subscribers, int rounds)
{
    // Push first: its memory figure must not include what the idle test leaves in the allocator.
    if (wanted("push")) {
        ClientPool pushPool(server.port(), server.fingerprint());
        const auto creator = pushPool.open(1);
        must(ClientPool::signIn(*creator.constFirst(), customerEmail(1), benchPassword()), "signing in the creator");
        const auto watchers = pushPool.open(subscribers);
        const auto adminToken =
            ClientPool::signIn(*watchers.constFirst(), QStringLiteral("admin@bench.example"), benchPassword());
        for (int i = 1; i < watchers.size(); ++i)
            watchers.at(i)->call(Method::Resume, common::ResumeParams{adminToken.value()}.toCbor(), watchers.at(i),
                                 [](const common::Result<QCborMap>&) {});
        must(ClientPool::callAndWait(*watchers.constLast(), Method::Me), "the last watcher");
        const qint64 signedInKiB = server.residentKiB();
        const qint64 anonymousKiB = server.residentKiB("RssAnon:");
        const qint64 mappedKiB = server.residentKiB("RssFile:");

        LatencyStats push;
        QElapsedTimer clock;
        clock.start();
        qint64 sentAt = 0;
        int arrived = 0;
        QObject context;
        for (auto* watcher : watchers) {
            QObject::connect(watcher, &app::ApiClient::eventReceived, &context,
                             [&](const QString& event, const QCborMap&) {
                                 if (event == common::Protocol::Event::TicketCreated) {
                                     push.add(clock.nsecsElapsed() - sentAt);
                                     ++arrived;
                                 }
                             });
        }
        for (int round = 0; round < rounds; ++round) {
            arrived = 0;
            sentAt = clock.nsecsElapsed();
            must(
                ClientPool::callAndWait(
                    *creator.constFirst(), Method::CreateTicket,
                    common::CreateTicketParams{
                        QStringLiteral("Push probe %1").arg(round), kDescription, 1, common::TicketPriority::Low, 0, {}}
                        .toCbor()),
                "a push probe");
            QElapsedTimer waiting;
            waiting.start();
            while (arrived < watchers.size() && waiting.elapsed() < 10000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        }
        push.setElapsedSeconds(static_cast<double>(clock.nsecsElapsed()) / 1e9);
        out() << "- Push latency, change to event at " << watchers.size() << " signed-in admin connections, " << rounds
              << " changes: p50 " << QString::number(push.percentileMs(50), 'f', 1) << " ms, p95 "
              << QString::number(push.percentileMs(95), 'f', 1) << " ms, p99 "
              << QString::number(push.percentileMs(99), 'f', 1) << " ms (" << push.count() << " events)" << Qt::endl;
        out() << "- Server memory with " << watchers.size() + 1 << " signed-in connections: " << signedInKiB / 1024
              << " MB resident (" << anonymousKiB / 1024 << " MB its own, " << mappedKiB / 1024
              << " MB mapped files: the program and its libraries)" << Qt::endl;
    }
    if (!wanted("idle"))
        return;
    ClientPool pool(server.port(), server.fingerprint());
    const auto customer = pool.open(1);
    const auto token = ClientPool::signIn(*customer.constFirst(), customerEmail(0), benchPassword());
    const qint64 before = server.residentKiB();
    QElapsedTimer opening;
    opening.start();
    // Each connection resumes the session as soon as it is up, as the app does: the server
    // sheds connections that wait unauthenticated beyond server/max_unauthenticated.
    const auto idlers = pool.open(idle, token.value());
    must(ClientPool::callAndWait(*idlers.constLast(), Method::Me), "the last idle connection");
    const qint64 after = server.residentKiB();
    const int connected = static_cast<int>(std::count_if(idlers.cbegin(), idlers.cend(), [](auto* client) {
        return client->state() == app::ConnectionState::Connected;
    }));
    out() << "- Idle signed-in connections held: " << connected << " of " << idle << " (opened in " << opening.elapsed()
          << " ms); server memory " << before / 1024 << " MB before, " << after / 1024
          << " MB after: " << QString::number(static_cast<double>(after - before) / connected, 'f', 1)
          << " KiB per connection" << Qt::endl;
    pool.closeAll();
}

void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    raiseFileLimit();
    // Thousands of connections would otherwise log every handshake.
    QLoggingCategory::setFilterRules(QStringLiteral("ccr.*.debug=false\nccr.*.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Load generator for Customer Care Registry: runs the real server "
                                                    "and drives it over TLS with many real client connections."));
    parser.addHelpOption();
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("ccr-server binary."),
                                    QStringLiteral("path"), QStringLiteral(CCR_SERVER_BINARY));
    const QCommandLineOption tickets(QStringLiteral("tickets"),
                                     QStringLiteral("Ticket counts to seed, comma-separated."), QStringLiteral("n,..."),
                                     QStringLiteral("10000"));
    const QCommandLineOption clients(QStringLiteral("clients"), QStringLiteral("Client counts, comma-separated."),
                                     QStringLiteral("n,..."), QStringLiteral("1,8"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Length of each measured run."),
                                     QStringLiteral("s"), QStringLiteral("5"));
    const QCommandLineOption durability(QStringLiteral("durability"), QStringLiteral("normal, full, or both."),
                                        QStringLiteral("mode"), QStringLiteral("normal"));
    const QCommandLineOption idle(QStringLiteral("idle"), QStringLiteral("Idle signed-in connections to open."),
                                  QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption push(QStringLiteral("push"), QStringLiteral("Subscribed connections for push latency."),
                                  QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption only(
        QStringLiteral("only"),
        QStringLiteral("Scenarios to run, comma-separated (default all): create, list, "
                       "search, search-every, search-staff, queue, reply, counts, sign-in, push, idle, baseline."),
        QStringLiteral("names"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Keep the seeded data here and reuse it when it already holds a "
                                                    "database (one ticket count only; runs change the data)."),
                                     QStringLiteral("dir"));
    parser.addOptions({server, tickets, clients, seconds, durability, idle, push, only, dataDir});
    parser.process(app);
    if (parser.isSet(only)) {
        const auto names = parser.value(only).split(QLatin1Char(','), Qt::SkipEmptyParts);
        g_only = QSet<QString>(names.cbegin(), names.cend());
    }

    QStringList modes = parser.value(durability) == QLatin1String("both")
                            ? QStringList{QStringLiteral("normal"), QStringLiteral("full")}
                            : QStringList{parser.value(durability)};
    const double runSeconds = parser.value(seconds).toDouble();
    for (const QString& mode : modes) {
        for (const QString& ticketCount : parser.value(tickets).split(QLatin1Char(','))) {
            out() << "\n### " << ticketCount << " tickets, durability " << mode << "\n" << Qt::endl;
            BenchServer instance(parser.value(server), parser.value(dataDir));
            QElapsedTimer seeding;
            seeding.start();
            if (instance.hasData()) {
                out() << "Reusing the data in " << instance.dataDir() << " (not seeded again).\n";
            } else {
                if (!instance.seed(ticketCount.toLongLong(), benchPassword(), mode))
                    return 1;
                out() << "Seeded in " << seeding.elapsed() / 1000.0 << " s.\n";
            }
            if (!instance.start(mode))
                return 1;
            out() << "Server PID " << instance.pid() << ".\n\n"
                  << QStringLiteral("| request | clients | requests | per second | p50 ms | p95 ms | p99 ms | "
                                    "server CPU µs per request: request thread | all threads |\n")
                  << "|---|---|---|---|---|---|---|---|---|" << Qt::endl;
            for (const QString& count : parser.value(clients).split(QLatin1Char(',')))
                runRequestScenarios(instance, count.toInt(), runSeconds);
            out() << Qt::endl;
            for (const QString& note : std::as_const(g_notes))
                out() << note << Qt::endl;
            g_notes.clear();
            runIdleAndPush(instance, parser.value(idle).toInt(), parser.value(push).toInt(), 20);
            instance.stop();
        }
        if (wanted("baseline"))
            out() << "- Raw SQLite, one-row insert transactions (WAL, synchronous=" << mode.toUpper()
                  << "), same disk: " << QString::number(SqliteBaseline::insertTransactionsPerSecond(mode, 2.0), 'f', 0)
                  << " per second" << Qt::endl;
    }
    return 0;
}
