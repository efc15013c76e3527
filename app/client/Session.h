#pragma once

#include "common/Result.h"
#include "common/messages/RegisterParams.h"
#include "common/messages/UserInfo.h"

#include <QObject>
#include <functional>
#include <optional>

namespace ccr::app {

class ApiClient;

/**
 * Who is signed in on this client. Keeps the session token with the ApiClient so a
 * reconnect resumes the session, and tells the windows when it starts or ends.
 */
class Session final : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Done = std::function<void(const common::Result<T>&)>;

    explicit Session(ApiClient& client, QObject* parent = nullptr);

    /** With two-factor sign-in on, the server first answers two_factor_required; then pass the code. */
    void signIn(const QString& email, const QString& password, QObject* context, Done<common::UserInfo> done,
                const QString& totpCode = {}, const QString& recoveryCode = {});
    void registerAccount(const common::RegisterParams& params, QObject* context, Done<common::UserInfo> done);
    void signOut(QObject* context, Done<bool> done);

    bool isSignedIn() const { return m_user.has_value(); }
    std::optional<common::UserInfo> user() const { return m_user; }
    /** The token to keep for "keep me signed in"; empty when signed out. */
    QString token() const;
    /** Resumes a kept session when connected (used at start-up). */
    void adoptToken(const QString& token);

Q_SIGNALS:
    void signedIn(const ccr::common::UserInfo& user);
    void signedOut(const ccr::common::Error& reason);

private:
    void end(const common::Error& reason);

    ApiClient& m_client;
    std::optional<common::UserInfo> m_user;
};

} // namespace ccr::app
