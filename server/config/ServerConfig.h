#pragma once

#include "common/Framing.h"
#include "mail/RelayPolicy.h"
#include "mail/SmtpSettings.h"
#include "services/AccountPolicy.h"
#include "services/TicketPolicy.h"
#include "store/Database.h"

#include <QHostAddress>
#include <QString>

namespace ccr::server {

/** Everything an operator can set, from the INI file and the command line (which wins). */
struct ServerConfig
{
    QString dataDir;
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 7443;
    QString certFile;
    QString keyFile;
    QString logLevel = QStringLiteral("info");
    Durability durability = Durability::Normal;
    qsizetype maxFrameBytes = common::Framing::kDefaultMaxPayloadBytes;
    /** A connection that is not signed in and sends nothing for this long is closed. */
    int idleTimeoutSeconds = 120;
    int handshakeTimeoutSeconds = 10;
    /**
     * At most this many TLS handshakes run at once; when full, handshakes older than a
     * second (half-open connections that never send a ClientHello) are shed for newcomers.
     */
    int maxHandshakes = 1024;
    /** At most this many connections wait unauthenticated; beyond it the longest-silent one is closed. */
    int maxUnauthenticated = 2000;
    /** Threads with their own read-only connection for lists, searches and other ticket reads (server/read_threads, 1–64). */
    int readThreads = 2;
    /** A connection with more unsent bytes than this is not reading and is dropped. */
    qint64 maxPendingWriteBytes = 16LL * 1024 * 1024;
    AccountPolicy accounts;
    TicketPolicy tickets;
    SmtpSettings smtp;
    RelayPolicy relay;
    /** Seed demo accounts into an empty database and print how to sign in. */
    bool demo = false;

    QString databasePath() const;
    static QString defaultDataDir();
};

} // namespace ccr::server
