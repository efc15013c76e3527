#pragma once

#include "common/Result.h"

#include <QObject>
#include <functional>
#include <memory>

class QSettings;

namespace QKeychain {
class Job;
}

namespace ccr::app {

/**
 * "Keep me signed in": one session token per account in the system keychain (Secret
 * Service on Linux, Credential Manager on Windows, Keychain on macOS) through QtKeychain.
 * The token is never written anywhere else, not even as a fallback: a computer without a
 * keychain is reported as ErrorCode::Unavailable and keychainUnavailable(), so the app can
 * say that it will not remember the session.
 *
 * QSettings only remembers which account was kept last for a server (an email address,
 * no secret), so the app knows at start whose token to ask the keychain for.
 *
 * Keychain jobs are asynchronous; every call answers exactly once through its callback,
 * unless the context object is destroyed first. A keychain that does not answer within
 * timeoutMs() is reported as Unavailable.
 */
class SessionKeeper final : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const common::Result<void>&)>;
    /** The kept token, or an empty string when none is kept for the account. */
    using TokenDone = std::function<void(const common::Result<QString>&)>;

    enum class Availability
    {
        /** No keychain job has finished yet. */
        Unknown,
        Available,
        /** No keychain service on this computer (or it cannot be reached). */
        Unavailable,
    };
    Q_ENUM(Availability)

    /** Remembers the last kept account in the app's default QSettings. */
    explicit SessionKeeper(QObject* parent = nullptr);
    /** Remembers it in an INI file of its own, e.g. for tests. */
    explicit SessionKeeper(const QString& iniFile, QObject* parent = nullptr);
    ~SessionKeeper() override;

    /** The keychain service name every entry is filed under. */
    static QString serviceName();
    /** The keychain key of one account: "ccr-desk/<host>:<port>/<email>", case-folded. */
    static QString keyFor(const QString& host, quint16 port, const QString& email);

    void save(const QString& host, quint16 port, const QString& email, const QString& token, QObject* context,
              Done done);
    void load(const QString& host, quint16 port, const QString& email, QObject* context, TokenDone done);
    /** Removes the account's token; forgetting a token that is not there succeeds. */
    void forget(const QString& host, quint16 port, const QString& email, QObject* context, Done done);

    /**
     * Asks the keychain for an entry that never exists, to learn early (e.g. before offering
     * "Keep me signed in") whether there is a keychain: success, or the Unavailable error.
     */
    void probe(QObject* context, Done done);

    /** The account whose token was last saved for this server; empty when none. */
    QString lastKeptAccount(const QString& host, quint16 port) const;

    Availability availability() const { return m_availability; }

    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    static constexpr int kDefaultTimeoutMs = 30000;

Q_SIGNALS:
    /** Emitted once when a job finds there is no keychain; the error says so in words. */
    void keychainUnavailable(const ccr::common::Error& error);

private:
    using JobDone = std::function<void(const common::Result<QKeychain::Job*>&)>;

    void run(QKeychain::Job* job, QObject* context, JobDone done);
    common::Error errorFor(const QKeychain::Job& job);
    void noteAvailable();
    void rememberAccount(const QString& host, quint16 port, const QString& email);
    void clearAccount(const QString& host, quint16 port, const QString& email);

    std::unique_ptr<QSettings> m_settings;
    Availability m_availability = Availability::Unknown;
    int m_timeoutMs = kDefaultTimeoutMs;
};

} // namespace ccr::app
