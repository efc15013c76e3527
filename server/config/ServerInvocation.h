#pragma once

#include "ServerConfig.h"
#include "common/Result.h"

#include <QStringList>

namespace ccr::server {

/** What the command line asked ccr-server to do, with the merged configuration. */
struct ServerInvocation
{
    enum class Mode
    {
        Run,
        CreateAdmin,
        ShowHelp,
        ShowVersion,
        SeedBench,
    };

    Mode mode = Mode::Run;
    ServerConfig config;
    QString adminEmail;
    QString adminName;
    qint64 benchTickets = 0;
    QString helpText;

    /**
     * Parses arguments (argv[0] first) on top of the INI file named by --config.
     * Never exits the process, so tests can call it.
     */
    static common::Result<ServerInvocation> parse(const QStringList& arguments);
};

} // namespace ccr::server
