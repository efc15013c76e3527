#include "Server.h"

#include "common/Protocol.h"
#include "handlers/AccountHandlers.h"
#include "handlers/AdminHandlers.h"
#include "handlers/AttachmentHandlers.h"
#include "handlers/CategoryHandlers.h"
#include "handlers/SessionHandlers.h"
#include "handlers/TicketHandlers.h"
#include "handlers/TwoFactorHandlers.h"
#include "mail/MailRelay.h"
#include "net/ClientConnection.h"
#include "net/NetLog.h"
#include "net/NetworkThread.h"
#include "net/TicketEventRouter.h"
#include "net/TlsListener.h"
#include "services/AccountService.h"
#include "services/AttachmentService.h"
#include "services/CategoryService.h"
#include "services/Clock.h"
#include "services/HashWorker.h"
#include "services/MailQueueView.h"
#include "services/Notifier.h"
#include "services/PasswordService.h"
#include "services/PreferenceService.h"
#include "services/ReadPool.h"
#include "services/SearchIndexer.h"
#include "services/ServerSecret.h"
#include "services/TicketCommands.h"
#include "services/TicketQueries.h"
#include "services/TicketRatings.h"
#include "services/TicketStores.h"
#include "services/TwoFactorService.h"
#include "store/Checkpointer.h"
#include "store/GroupCommit.h"
#include "store/OutboxStore.h"
#include "store/PasswordResetStore.h"
#include "store/PreferenceStore.h"
#include "store/SearchFile.h"
#include "store/SessionStore.h"
#include "store/SettingsStore.h"
#include "store/TwoFactorStore.h"

#include <QDir>
#include <QFile>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

constexpr int kHousekeepingIntervalMs = 60 * 60 * 1000;

const Clock& chooseClock(const Clock* given, std::unique_ptr<Clock>& own)
{
    if (given)
        return *given;
    own = std::make_unique<SystemClock>();
    return *own;
}

} // namespace

Server::Server(ServerConfig config, const Clock* clock, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_clock(chooseClock(clock, m_ownClock)), m_connections(m_clock),
      m_dispatcher(m_clock)
{}

Server::~Server()
{
    stop();
}

common::Result<void> Server::openStore()
{
    if (m_accounts)
        return {};
    if (!QDir(m_config.dataDir).exists()) {
        // The directory holds the private key and every account: owner only.
        if (!QDir().mkpath(m_config.dataDir) ||
            !QFile::setPermissions(m_config.dataDir,
                                   QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
            return Error(ErrorCode::Unavailable,
                         QStringLiteral("Cannot create the data directory %1.").arg(m_config.dataDir));
    }
    if (auto opened = m_database.open(m_config.databasePath(), m_config.durability); !opened)
        return opened.error();
    m_database.enableGroupCommit();
    // Every account lives in this file, and every ticket's text (internal notes too) in the
    // search file: owner only, whatever the directory allows.
    for (const QString& file : {m_config.databasePath(), SearchFile::pathFor(m_config.databasePath())})
        QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    auto secret = ServerSecret::loadOrCreate(m_config.dataDir);
    if (!secret)
        return secret.error();
    m_secret = std::make_unique<ServerSecret>(secret.value());
    m_hashes = std::make_unique<HashWorker>(m_config.accounts.scrypt);
    m_outbox = std::make_unique<OutboxStore>(m_database);
    m_preferenceStore = std::make_unique<PreferenceStore>(m_database);
    m_resets = std::make_unique<PasswordResetStore>(m_database);
    m_sessionStore = std::make_unique<SessionStore>(m_database);
    m_ticketStores = std::make_unique<TicketStores>(m_database, m_config.tickets.searchCandidates);
    m_notifier = std::make_unique<Notifier>(*m_outbox, *m_preferenceStore, m_ticketStores->users, m_clock,
                                            MailIdentity{m_config.smtp.fromAddress, m_config.smtp.fromName});
    m_relay = std::make_unique<MailRelay>(*m_outbox, m_clock, m_config.smtp, m_config.relay);
    // The relay reads the outbox: it must not see a mail before the change that queued it is committed.
    connect(m_notifier.get(), &Notifier::mailQueued, m_relay.get(),
            [this] { m_database.groupCommit()->afterCommit(m_relay.get(), [this] { m_relay->wake(); }); });

    m_twoFactorStore = std::make_unique<TwoFactorStore>(m_database);
    m_settingsStore = std::make_unique<SettingsStore>(m_database);
    m_twoFactor = std::make_unique<TwoFactorService>(
        TwoFactorService::Stores{m_database, *m_twoFactorStore, *m_settingsStore, m_ticketStores->users}, *m_hashes,
        *m_notifier, *m_secret, m_clock);
    m_accounts = std::make_unique<AccountService>(m_database, m_ticketStores->users, m_clock, m_config.accounts,
                                                  *m_hashes, *m_notifier, *m_twoFactor);
    m_passwords = std::make_unique<PasswordService>(
        PasswordService::Stores{m_database, m_ticketStores->users, *m_sessionStore, *m_resets}, *m_hashes, *m_notifier,
        *m_secret, m_clock);
    m_preferences = std::make_unique<PreferenceService>(m_database, *m_preferenceStore);
    m_mailQueue = std::make_unique<MailQueueView>(*m_outbox, m_config.smtp.configured());
    connect(m_accounts.get(), &AccountService::sessionsEnded, &m_connections, &ConnectionRegistry::endSessions);
    connect(m_passwords.get(), &PasswordService::sessionsEnded, &m_connections, &ConnectionRegistry::endSessions);
    connect(m_accounts.get(), &AccountService::adminRequestCreated, this, [this](const common::UserInfo& user) {
        m_connections.sendToRole(common::Role::Admin, common::Protocol::Event::AdminRequestCreated,
                                 {{QLatin1String("user"), user.toCbor()}});
    });
    SessionHandlers::registerIn(m_dispatcher, *m_accounts);
    AdminHandlers::registerIn(m_dispatcher, *m_accounts);
    AccountHandlers::registerIn(m_dispatcher, *m_passwords, *m_preferences, *m_mailQueue);
    TwoFactorHandlers::registerIn(m_dispatcher, *m_twoFactor, *m_accounts);

    m_ticketQueries = std::make_unique<TicketQueries>(*m_ticketStores, m_config.tickets);
    m_ticketCommands =
        std::make_unique<TicketCommands>(*m_ticketStores, *m_ticketQueries, *m_notifier, m_clock, m_config.tickets);
    m_ticketRatings = std::make_unique<TicketRatings>(*m_ticketStores, *m_ticketQueries, m_clock);
    m_categories = std::make_unique<CategoryService>(m_ticketStores->categories, m_clock);
    m_attachments = std::make_unique<AttachmentService>(m_ticketStores->attachments, *m_ticketQueries, m_clock,
                                                        m_config.tickets, m_config.dataDir);
    m_ticketRouter =
        std::make_unique<TicketEventRouter>(*m_ticketCommands, *m_ticketRatings, m_connections, m_config.tickets);
    // Until start() opens the reader threads, reads run on this thread.
    m_reads = std::make_unique<ReadPool>(*m_ticketQueries, m_database.groupCommit());
    m_searchIndexer = std::make_unique<SearchIndexer>(m_database, m_ticketStores->search);
    TicketHandlers::registerIn(m_dispatcher, {*m_reads, *m_searchIndexer}, *m_ticketCommands, *m_ticketRatings);
    CategoryHandlers::registerIn(m_dispatcher, *m_categories);
    AttachmentHandlers::registerIn(m_dispatcher, *m_attachments);

    m_accounts->purgeExpiredSessions();
    m_housekeeping.setInterval(kHousekeepingIntervalMs);
    connect(&m_housekeeping, &QTimer::timeout, m_accounts.get(), &AccountService::purgeExpiredSessions);
    m_housekeeping.start();
    return {};
}

common::Result<void> Server::start()
{
    if (auto opened = openStore(); !opened)
        return opened.error();
    auto identity = TlsIdentity::load(m_config.certFile, m_config.keyFile, m_config.dataDir);
    if (!identity)
        return identity.error();
    m_identity = identity.value();
    if (auto indexing = m_searchIndexer->start(m_config.databasePath(), m_config.durability); !indexing)
        return indexing.error();
    m_checkpointer = std::make_unique<Checkpointer>(m_config.databasePath(), m_config.durability);
    if (!m_checkpointer->begin() || !m_database.stopAutomaticCheckpoints())
        m_checkpointer.reset(); // SQLite's own checkpoints in the writer's commits, as before
    if (auto reading = m_reads->start(m_config.databasePath(), m_config.tickets, m_config.readThreads); !reading)
        return reading.error();

    const TlsListener::Limits limits{m_config.maxFrameBytes, m_config.idleTimeoutSeconds * 1000,
                                     m_config.handshakeTimeoutSeconds * 1000, m_config.maxPendingWriteBytes,
                                     m_config.maxHandshakes};
    m_connections.setMaxUnauthenticated(m_config.maxUnauthenticated);
    m_network = std::make_unique<NetworkThread>();
    m_network->start();
    m_listener = std::make_unique<TlsListener>(m_identity, limits, m_network.get());
    connect(m_listener.get(), &TlsListener::connectionReady, this, [this](ClientConnection* connection) {
        connection->holdWritesUntilCommit(m_database.groupCommit());
        m_connections.add(connection);
        connect(connection, &ClientConnection::requestReceived, this,
                [this](ClientConnection* from, const common::RequestEnvelope& request) {
                    m_dispatcher.dispatch(from, request);
                });
    });
    if (auto listening = m_listener->listen(m_config.address, m_config.port); !listening) {
        m_listener.reset();
        return listening.error();
    }
    qCInfo(lcNet) << "listening on" << m_config.address.toString() << "port" << port();
    m_relay->start();
    return {};
}

void Server::stop()
{
    if (m_relay)
        m_relay->stop();
    if (m_reads)
        m_reads->stop();
    if (m_searchIndexer)
        m_searchIndexer->stop();
    if (m_checkpointer)
        m_checkpointer->end();
    if (m_listener) {
        m_listener->close();
        m_listener.reset();
    }
    m_connections.closeAll();
    if (m_network) {
        m_network->stop();
        m_network.reset();
    }
}

quint16 Server::port() const
{
    return m_listener ? m_listener->port() : 0;
}

} // namespace ccr::server
