#include "ServerInvocation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

Error configError(const QString& message)
{
    return Error(ErrorCode::InvalidParams, message);
}

common::Result<quint16> parsePort(const QString& text)
{
    bool ok = false;
    const uint port = text.toUInt(&ok);
    if (!ok || port > 65535)
        return configError(QStringLiteral("Port must be a number from 0 to 65535, not \"%1\".").arg(text));
    return static_cast<quint16>(port);
}

common::Result<QHostAddress> parseAddress(const QString& text)
{
    QHostAddress address;
    if (text == QLatin1String("localhost"))
        return QHostAddress(QHostAddress::LocalHost);
    if (!address.setAddress(text))
        return configError(QStringLiteral("\"%1\" is not an IP address.").arg(text));
    return address;
}

bool isLogLevel(const QString& level)
{
    return QStringList{QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning")}.contains(level);
}

common::Result<int> positive(const QSettings& ini, const QString& key, int fallback, int max)
{
    if (!ini.contains(key))
        return fallback;
    bool ok = false;
    const int value = ini.value(key).toString().toInt(&ok);
    if (!ok || value < 1 || value > max)
        return configError(QStringLiteral("%1 must be a whole number from 1 to %2.").arg(key).arg(max));
    return value;
}

/** An INI key holding a whole number from 1 to max, and where it goes. */
struct IntSetting
{
    const char* key;
    int max;
    int* target;
};

/** Reads every present key of the table into its target; the first bad value is the error. */
common::Result<void> applyIntSettings(const QSettings& ini, std::initializer_list<IntSetting> settings)
{
    for (const auto& setting : settings) {
        auto value = positive(ini, QString::fromLatin1(setting.key), *setting.target, setting.max);
        if (!value)
            return value.error();
        *setting.target = value.value();
    }
    return {};
}

common::Result<bool> parseBool(const QSettings& ini, const char* key, bool fallback)
{
    const QString value = ini.value(QString::fromLatin1(key)).toString().trimmed();
    if (value.isEmpty())
        return fallback;
    if (value != QLatin1String("true") && value != QLatin1String("false"))
        return configError(QStringLiteral("%1 must be true or false.").arg(QString::fromLatin1(key)));
    return value == QLatin1String("true");
}

common::Result<void> applySmtp(const QSettings& ini, const QDir& base, ServerConfig& config)
{
    SmtpSettings& smtp = config.smtp;
    auto str = [&ini](const char* key) { return ini.value(QString::fromLatin1(key)).toString().trimmed(); };
    smtp.host = str("smtp/host");
    if (const QString port = str("smtp/port"); !port.isEmpty()) {
        auto parsed = parsePort(port);
        if (!parsed)
            return parsed.error();
        if (parsed.value() == 0)
            return configError(QStringLiteral("smtp/port must be from 1 to 65535."));
        smtp.port = parsed.value();
    }
    if (const QString security = str("smtp/security"); !security.isEmpty()) {
        if (security == QLatin1String("none"))
            smtp.security = SmtpSettings::Security::None;
        else if (security == QLatin1String("starttls"))
            smtp.security = SmtpSettings::Security::StartTls;
        else if (security == QLatin1String("tls"))
            smtp.security = SmtpSettings::Security::ImplicitTls;
        else
            return configError(QStringLiteral("smtp/security must be none, starttls or tls."));
    }
    smtp.username = str("smtp/username");
    smtp.password = ini.value(QStringLiteral("smtp/password")).toString();
    if (const QString from = str("smtp/from"); !from.isEmpty())
        smtp.fromAddress = from;
    if (const QString fromName = str("smtp/from_name"); !fromName.isEmpty())
        smtp.fromName = fromName;
    if (const QString caFile = str("smtp/ca_file"); !caFile.isEmpty())
        smtp.caFile = base.absoluteFilePath(caFile);
    auto verify = parseBool(ini, "smtp/verify_peer", true);
    if (!verify)
        return verify.error();
    smtp.verifyPeer = verify.value();
    if (auto applied = applyIntSettings(ini,
                                        {
                                            {"smtp/timeout_seconds", 600, &smtp.timeoutSeconds},
                                            {"mail/retry_first_seconds", 86400, &config.relay.firstRetrySeconds},
                                            {"mail/retry_max_seconds", 7 * 86400, &config.relay.maxRetrySeconds},
                                            {"mail/max_attempts", 1000, &config.relay.maxAttempts},
                                            {"mail/poll_ms", 3600000, &config.relay.pollIntervalMs},
                                        });
        !applied)
        return applied.error();
    if (config.relay.firstRetrySeconds > config.relay.maxRetrySeconds)
        return configError(QStringLiteral("mail/retry_first_seconds must not exceed mail/retry_max_seconds."));
    return {};
}

common::Result<void> applyIni(const QString& path, ServerConfig& config)
{
    if (!QFileInfo::exists(path))
        return configError(QStringLiteral("The configuration file %1 does not exist.").arg(path));
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return configError(QStringLiteral("The configuration file %1 cannot be read.").arg(path));
    const QDir base = QFileInfo(path).absoluteDir();
    auto str = [&](const char* key) { return ini.value(QString::fromLatin1(key)).toString().trimmed(); };
    auto pathValue = [&](const char* key) {
        const QString value = str(key);
        return value.isEmpty() ? value : base.absoluteFilePath(value);
    };

    if (const QString dir = pathValue("server/data_dir"); !dir.isEmpty())
        config.dataDir = dir;
    if (const QString address = str("server/address"); !address.isEmpty()) {
        auto parsed = parseAddress(address);
        if (!parsed)
            return parsed.error();
        config.address = parsed.value();
    }
    if (const QString port = str("server/port"); !port.isEmpty()) {
        auto parsed = parsePort(port);
        if (!parsed)
            return parsed.error();
        config.port = parsed.value();
    }
    config.certFile = pathValue("server/cert");
    config.keyFile = pathValue("server/key");
    if (const QString level = str("server/log_level"); !level.isEmpty())
        config.logLevel = level;
    if (const QString durability = str("server/durability"); !durability.isEmpty()) {
        if (durability != QLatin1String("normal") && durability != QLatin1String("full"))
            return configError(QStringLiteral("server/durability must be normal or full."));
        config.durability = durability == QLatin1String("full") ? Durability::Full : Durability::Normal;
    }

    int sessionTtlHours = static_cast<int>(config.accounts.sessionTtlSeconds / 3600);
    int windowMinutes = config.accounts.throttle.windowSeconds / 60;
    int frameKiB = static_cast<int>(config.maxFrameBytes / 1024);
    int attachmentMiB = static_cast<int>(config.tickets.maxAttachmentBytes / (1024 * 1024));
    int pendingWriteKiB = static_cast<int>(config.maxPendingWriteBytes / 1024);
    if (auto applied = applyIntSettings(
            ini,
            {
                {"server/idle_timeout_seconds", 86400, &config.idleTimeoutSeconds},
                {"server/max_handshakes", 100000, &config.maxHandshakes},
                {"server/max_unauthenticated", 1000000, &config.maxUnauthenticated},
                {"server/read_threads", 64, &config.readThreads},
                {"server/max_frame_kib", 64 * 1024, &frameKiB},
                {"server/max_pending_write_kib", 4 * 1024 * 1024, &pendingWriteKiB},
                {"accounts/session_ttl_hours", 24 * 365, &sessionTtlHours},
                {"accounts/scrypt_log2n", 20, &config.accounts.scrypt.log2N},
                {"accounts/max_failed_sign_ins_per_account", 1000, &config.accounts.throttle.maxFailuresPerAccount},
                {"accounts/max_failed_sign_ins_per_address", 100000, &config.accounts.throttle.maxFailuresPerAddress},
                {"accounts/failed_sign_in_window_minutes", 24 * 60, &windowMinutes},
                {"tickets/max_attachment_mb", 4096, &attachmentMiB},
                {"tickets/search_candidates", 1000000, &config.tickets.searchCandidates},
            });
        !applied)
        return applied.error();
    config.accounts.sessionTtlSeconds = qint64{sessionTtlHours} * 3600;
    config.accounts.throttle.windowSeconds = windowMinutes * 60;
    config.maxFrameBytes = qsizetype{frameKiB} * 1024;
    if (auto smtp = applySmtp(ini, base, config); !smtp)
        return smtp.error();
    config.tickets.maxAttachmentBytes = qint64{attachmentMiB} * 1024 * 1024;
    config.maxPendingWriteBytes = qint64{pendingWriteKiB} * 1024;
    auto unassigned = parseBool(ini, "tickets/agents_see_unassigned", config.tickets.agentsSeeUnassigned);
    if (!unassigned)
        return unassigned.error();
    config.tickets.agentsSeeUnassigned = unassigned.value();
    return {};
}

} // namespace

common::Result<ServerInvocation> ServerInvocation::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ccr-server",
        "Customer Care Registry server: owns the help desk's data and serves the desktop apps over TLS."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("ccr-server", "Show this help and exit."));
    const QCommandLineOption version(QStringLiteral("version"),
                                     QCoreApplication::translate("ccr-server", "Show the version and exit."));
    const QCommandLineOption config(
        QStringLiteral("config"),
        QCoreApplication::translate("ccr-server", "Read settings from this INI file; options given here override it."),
        QStringLiteral("file"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("ccr-server", "Directory for the database, certificate and key (default: %1).")
            .arg(ServerConfig::defaultDataDir()),
        QStringLiteral("dir"));
    const QCommandLineOption address(
        QStringLiteral("address"),
        QCoreApplication::translate("ccr-server", "IP address to listen on (default: 127.0.0.1; 0.0.0.0 for all)."),
        QStringLiteral("addr"));
    const QCommandLineOption port(
        QStringLiteral("port"),
        QCoreApplication::translate("ccr-server",
                                    "TCP port to listen on (default: 7443; 0 picks a free port and prints it)."),
        QStringLiteral("n"));
    const QCommandLineOption cert(
        QStringLiteral("cert"),
        QCoreApplication::translate("ccr-server",
                                    "PEM certificate (chain) to present; without it a self-signed one is made."),
        QStringLiteral("file"));
    const QCommandLineOption key(QStringLiteral("key"),
                                 QCoreApplication::translate("ccr-server", "PEM private key for --cert."),
                                 QStringLiteral("file"));
    const QCommandLineOption logLevel(
        QStringLiteral("log-level"),
        QCoreApplication::translate("ccr-server", "How much to log: debug, info or warning (default: info)."),
        QStringLiteral("level"));
    const QCommandLineOption createAdmin(
        QStringLiteral("create-admin"),
        QCoreApplication::translate("ccr-server", "Create an active admin account and exit. The password is read "
                                                  "from the terminal, or from standard input when it is not one."),
        QStringLiteral("email"));
    const QCommandLineOption adminName(
        QStringLiteral("name"),
        QCoreApplication::translate("ccr-server", "Display name for --create-admin (default: the email's name)."),
        QStringLiteral("name"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("ccr-server",
                                    "Seed demo accounts into a new, empty database and print how to sign in."));
    const QCommandLineOption seedBench(
        QStringLiteral("seed-bench"),
        QCoreApplication::translate("ccr-server", "Fill the database with benchmark accounts and this many tickets, "
                                                  "then exit (used by ccr-bench; the password comes from stdin)."),
        QStringLiteral("tickets"));
    parser.addOptions(
        {help, version, config, dataDir, address, port, cert, key, logLevel, createAdmin, adminName, demo, seedBench});

    ServerInvocation invocation;
    if (!parser.parse(arguments))
        return configError(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return configError(QStringLiteral("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(help)) {
        invocation.mode = Mode::ShowHelp;
        invocation.helpText = parser.helpText();
        return invocation;
    }
    if (parser.isSet(version)) {
        invocation.mode = Mode::ShowVersion;
        return invocation;
    }

    ServerConfig& cfg = invocation.config;
    cfg.dataDir = ServerConfig::defaultDataDir();
    if (parser.isSet(config)) {
        if (auto applied = applyIni(parser.value(config), cfg); !applied)
            return applied.error();
    }
    if (parser.isSet(dataDir))
        cfg.dataDir = QDir(parser.value(dataDir)).absolutePath();
    if (parser.isSet(address)) {
        auto parsed = parseAddress(parser.value(address));
        if (!parsed)
            return parsed.error();
        cfg.address = parsed.value();
    }
    if (parser.isSet(port)) {
        auto parsed = parsePort(parser.value(port));
        if (!parsed)
            return parsed.error();
        cfg.port = parsed.value();
    }
    if (parser.isSet(cert))
        cfg.certFile = QFileInfo(parser.value(cert)).absoluteFilePath();
    if (parser.isSet(key))
        cfg.keyFile = QFileInfo(parser.value(key)).absoluteFilePath();
    if (parser.isSet(logLevel))
        cfg.logLevel = parser.value(logLevel);
    if (!isLogLevel(cfg.logLevel))
        return configError(QStringLiteral("Log level must be debug, info or warning, not \"%1\".").arg(cfg.logLevel));
    cfg.demo = parser.isSet(demo);

    if (parser.isSet(seedBench)) {
        bool ok = false;
        invocation.benchTickets = parser.value(seedBench).toLongLong(&ok);
        if (!ok || invocation.benchTickets < 0)
            return configError(QStringLiteral("--seed-bench needs a number of tickets."));
        invocation.mode = Mode::SeedBench;
    }
    if (parser.isSet(createAdmin)) {
        invocation.mode = Mode::CreateAdmin;
        invocation.adminEmail = parser.value(createAdmin);
        invocation.adminName =
            parser.isSet(adminName) ? parser.value(adminName) : invocation.adminEmail.section(QLatin1Char('@'), 0, 0);
    }
    return invocation;
}

} // namespace ccr::server
