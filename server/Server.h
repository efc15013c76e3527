#pragma once

#include "common/Result.h"
#include "config/ServerConfig.h"
#include "net/ConnectionRegistry.h"
#include "net/Dispatcher.h"
#include "store/Database.h"
#include "tls/TlsIdentity.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace ccr::server {

class AccountService;
class AttachmentService;
class HashWorker;
class MailQueueView;
class MailRelay;
class Notifier;
class OutboxStore;
class PasswordResetStore;
class PasswordService;
class PreferenceService;
class PreferenceStore;
class ReadPool;
class SearchIndexer;
class ServerSecret;
class SessionStore;
class SettingsStore;
class TwoFactorService;
class TwoFactorStore;
class CategoryService;
class Checkpointer;
class Clock;
class TicketCommands;
class TicketEventRouter;
class TicketQueries;
class TicketRatings;
class NetworkThread;
class TlsListener;
struct TicketStores;

/**
 * One server instance: database, services, TLS listener and dispatch, wired together.
 * The executable and the in-process integration tests both run exactly this.
 */
class Server final : public QObject
{
    Q_OBJECT
public:
    /** The clock must outlive the server; nullptr means the system clock. */
    explicit Server(ServerConfig config, const Clock* clock = nullptr, QObject* parent = nullptr);
    ~Server() override;

    /** Opens (creating if needed) the data directory and database; enough for --create-admin. */
    common::Result<void> openStore();
    /** openStore(), then loads or makes the certificate and starts listening. */
    common::Result<void> start();
    void stop();

    quint16 port() const;
    const TlsIdentity& identity() const { return m_identity; }
    const ServerConfig& config() const { return m_config; }
    AccountService& accounts() { return *m_accounts; }
    Database& database() { return m_database; }
    TicketCommands& ticketCommands() { return *m_ticketCommands; }
    TicketQueries& ticketQueries() { return *m_ticketQueries; }
    MailRelay& mailRelay() { return *m_relay; }
    qsizetype connectionCount() const { return m_connections.count(); }

private:
    ServerConfig m_config;
    std::unique_ptr<Clock> m_ownClock;
    const Clock& m_clock;
    Database m_database;
    std::unique_ptr<ServerSecret> m_secret;
    std::unique_ptr<HashWorker> m_hashes;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<PreferenceStore> m_preferenceStore;
    std::unique_ptr<PasswordResetStore> m_resets;
    std::unique_ptr<SessionStore> m_sessionStore;
    std::unique_ptr<TwoFactorStore> m_twoFactorStore;
    std::unique_ptr<SettingsStore> m_settingsStore;
    std::unique_ptr<TwoFactorService> m_twoFactor;
    std::unique_ptr<Notifier> m_notifier;
    std::unique_ptr<MailRelay> m_relay;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<PasswordService> m_passwords;
    std::unique_ptr<PreferenceService> m_preferences;
    std::unique_ptr<MailQueueView> m_mailQueue;
    ConnectionRegistry m_connections;
    Dispatcher m_dispatcher;
    std::unique_ptr<TicketStores> m_ticketStores;
    std::unique_ptr<TicketQueries> m_ticketQueries;
    std::unique_ptr<TicketCommands> m_ticketCommands;
    std::unique_ptr<TicketRatings> m_ticketRatings;
    std::unique_ptr<ReadPool> m_reads;
    std::unique_ptr<SearchIndexer> m_searchIndexer;
    std::unique_ptr<Checkpointer> m_checkpointer;
    std::unique_ptr<CategoryService> m_categories;
    std::unique_ptr<AttachmentService> m_attachments;
    std::unique_ptr<TicketEventRouter> m_ticketRouter;
    TlsIdentity m_identity;
    // Outlives the connections (stopped after them): their sockets live on it.
    std::unique_ptr<NetworkThread> m_network;
    std::unique_ptr<TlsListener> m_listener;
    QTimer m_housekeeping;
};

} // namespace ccr::server
