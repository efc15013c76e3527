#include "ServerMain.h"

#include "PasswordPrompt.h"
#include "Server.h"
#include "SignalWatcher.h"
#include "config/ServerInvocation.h"
#include "common/FieldError.h"
#include "demo/BenchSeeder.h"
#include "demo/DemoSeeder.h"
#include "store/GroupCommit.h"
#include "services/AccountService.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <sys/resource.h>

namespace ccr::server {

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

void applyLogLevel(const QString& level)
{
    QString rules = QStringLiteral("ccr.*.debug=false\n");
    if (level == QLatin1String("debug"))
        rules = QStringLiteral("ccr.*.debug=true\n");
    else if (level == QLatin1String("warning"))
        rules += QStringLiteral("ccr.*.info=false\n");
    QLoggingCategory::setFilterRules(rules);
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{category}: %{message}"));
}

int createAdmin(const ServerInvocation& invocation)
{
    Server server(invocation.config);
    if (auto opened = server.openStore(); !opened) {
        err() << opened.error().message << Qt::endl;
        return 1;
    }
    const auto password =
        PasswordPrompt::read(QStringLiteral("Password for %1: ").arg(invocation.adminEmail));
    if (!password) {
        err() << "No password given; no account was created." << Qt::endl;
        return 1;
    }
    auto user = server.accounts().createUserNow(invocation.adminEmail, invocation.adminName, *password,
                                                common::Role::Admin);
    if (!user) {
        err() << "Cannot create the admin account: " << user.error().message << Qt::endl;
        for (const auto& field : common::fieldErrorsOf(user.error()))
            err() << "  " << field.field << ": " << common::fieldProblemName(field.problem) << Qt::endl;
        return 1;
    }
    // The account is only there once the shared transaction is on disk.
    if (auto* shared = server.database().groupCommit(); shared && !shared->commitNow()) {
        err() << "Cannot save the admin account; is the disk full or read-only?" << Qt::endl;
        return 1;
    }
    out() << "Created admin account " << user->email << " (id " << user->id << ")." << Qt::endl;
    return 0;
}

int seedBench(const ServerInvocation& invocation)
{
    Server server(invocation.config);
    if (auto opened = server.openStore(); !opened) {
        err() << opened.error().message << Qt::endl;
        return 1;
    }
    const auto password = PasswordPrompt::read(QStringLiteral("Password for the bench accounts: "));
    if (!password) {
        err() << "No password given." << Qt::endl;
        return 1;
    }
    if (auto seeded = BenchSeeder(server.accounts(), server.database()).seed(invocation.benchTickets, *password);
        !seeded) {
        err() << "Seeding failed: " << seeded.error().message << Qt::endl;
        return 1;
    }
    return 0;
}

/** Thousands of clients need as many descriptors; take what the hard limit allows. */
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

int run(const ServerInvocation& invocation)
{
    raiseFileLimit();
    // Watch for SIGTERM before anything is announced, so a supervisor that stops us right after
    // start-up still gets a clean shutdown.
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, qApp, [](int signalNumber) {
        out() << "Received signal " << signalNumber << ", shutting down." << Qt::endl;
        QCoreApplication::quit();
    });
    Server server(invocation.config);
    if (auto started = server.start(); !started) {
        err() << "ccr-server cannot start: " << started.error().message << Qt::endl;
        return 1;
    }
    out() << "ccr-server " << QStringLiteral(CCR_VERSION) << " listening on " << invocation.config.address.toString()
          << " port " << server.port() << Qt::endl;
    out() << "Data directory: " << invocation.config.dataDir << Qt::endl;
    out() << (server.identity().generated ? "Generated a self-signed certificate. " : "")
          << "Certificate SHA-256 fingerprint: " << server.identity().fingerprint() << Qt::endl;
    if (invocation.config.demo) {
        auto demo = DemoSeeder(server.accounts(), invocation.config.dataDir).seedIfEmpty();
        if (!demo) {
            err() << "Cannot seed demo data: " << demo.error().message << Qt::endl;
            return 1;
        }
        out() << demo.value() << Qt::flush;
    } else if (!server.accounts().hasUsers()) {
        out() << "The database has no accounts yet. Create the first admin with:" << Qt::endl
              << "  ccr-server --data-dir " << invocation.config.dataDir << " --create-admin you@example.com"
              << Qt::endl;
    }

    const int code = QCoreApplication::exec();
    server.stop();
    out() << "ccr-server stopped." << Qt::endl;
    return code;
}

} // namespace

int serverMain(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ccr-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CCR_VERSION));

    auto invocation = ServerInvocation::parse(QCoreApplication::arguments());
    if (!invocation) {
        err() << invocation.error().message << Qt::endl << "Run ccr-server --help for the options." << Qt::endl;
        return 2;
    }
    switch (invocation->mode) {
    case ServerInvocation::Mode::ShowHelp:
        out() << invocation->helpText << Qt::flush;
        return 0;
    case ServerInvocation::Mode::ShowVersion:
        out() << "ccr-server " << QStringLiteral(CCR_VERSION) << Qt::endl;
        return 0;
    case ServerInvocation::Mode::CreateAdmin:
        applyLogLevel(invocation->config.logLevel);
        return createAdmin(invocation.value());
    case ServerInvocation::Mode::SeedBench:
        applyLogLevel(invocation->config.logLevel);
        return seedBench(invocation.value());
    case ServerInvocation::Mode::Run:
        break;
    }
    applyLogLevel(invocation->config.logLevel);
    return run(invocation.value());
}

} // namespace ccr::server
