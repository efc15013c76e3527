#include "TestClient.h"
#include "TestServer.h"
#include "common/FieldError.h"
#include "common/Protocol.h"
#include "common/messages/CreateAgentParams.h"
#include "common/messages/DecideAdminRequestParams.h"
#include "common/messages/ListUsersParams.h"
#include "common/messages/RegisterParams.h"
#include "common/messages/SetUserStateParams.h"
#include "common/messages/SignInParams.h"
#include "common/messages/UserList.h"
#include "common/messages/UserResult.h"
#include "services/AccountService.h"

#include <QSignalSpy>
#include <QTest>

using namespace ccr;
using namespace ccr::tests;
using common::ErrorCode;
using common::Role;
using common::UserState;
namespace Method = common::Protocol::Method;
namespace Event = common::Protocol::Event;

namespace {

common::RegisterParams registration(const QString& email, bool requestAdmin = false)
{
    return {email, QStringLiteral("Meera Krishnan"), TestServer::kPassword, TestServer::kPassword, requestAdmin,
            QStringLiteral("ta")};
}

ErrorCode codeOf(const common::Result<QCborMap>& result)
{
    return result ? ErrorCode::Internal : result.error().code;
}

} // namespace

class TestAccountsFlow final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    std::unique_ptr<TestClient> connectClient()
    {
        auto client = std::make_unique<TestClient>(m_server->port(), m_server->fingerprint());
        if (!client->waitConnected())
            qFatal("test client did not connect");
        return client;
    }

    std::unique_ptr<TestClient> signedInAs(const QString& email, Role role)
    {
        m_server->createUser(email, role);
        auto client = connectClient();
        const auto session = client->signIn(email, TestServer::kPassword);
        if (!session)
            qFatal("sign-in failed: %s", qPrintable(session.error().message));
        return client;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

    void registerThenSignInAndSeeOwnAccount()
    {
        auto client = connectClient();
        const auto registered = client->call(Method::Register, registration(QStringLiteral("Meera@Example.com")).toCbor());
        QVERIFY2(registered.ok(), qPrintable(registered.error().message));
        const auto user = common::UserResult::fromCbor(registered.value());
        QVERIFY(user.ok());
        QCOMPARE(user->user.email, QStringLiteral("meera@example.com"));
        QCOMPARE(user->user.role, Role::Customer);
        QCOMPARE(user->user.state, UserState::Active);
        QCOMPARE(user->user.locale, QStringLiteral("ta"));

        const auto session = client->signIn(QStringLiteral("MEERA@example.com"), TestServer::kPassword);
        QVERIFY2(session.ok(), qPrintable(session.error().message));
        QCOMPARE(session->token.size(), 43);
        QVERIFY(session->expiresAt > QDateTime::currentDateTimeUtc().addDays(29));
        QVERIFY(session->user.lastSignInAt.isValid());

        const auto me = client->call(Method::Me);
        QVERIFY(me.ok());
        QCOMPARE(common::UserResult::fromCbor(me.value())->user.id, user->user.id);
    }

    void duplicateEmailIsRefused()
    {
        auto client = connectClient();
        QVERIFY(client->call(Method::Register, registration(QStringLiteral("dup@example.com")).toCbor()).ok());
        const auto again = client->call(Method::Register, registration(QStringLiteral("DUP@example.com ")).toCbor());
        QCOMPARE(codeOf(again), ErrorCode::EmailTaken);
    }

    void invalidRegistrationNamesEveryField()
    {
        auto client = connectClient();
        common::RegisterParams bad{QStringLiteral("not-an-email"), QString(), QStringLiteral("short"),
                                   QStringLiteral("different"), false, {}};
        const auto reply = client->call(Method::Register, bad.toCbor());
        QCOMPARE(codeOf(reply), ErrorCode::ValidationFailed);
        const auto fields = common::fieldErrorsOf(reply.error());
        QStringList names;
        for (const auto& field : fields)
            names << field.field;
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("displayName"), QStringLiteral("email"), QStringLiteral("password"),
                                     QStringLiteral("passwordConfirmation")}));
    }

    void wrongPasswordAndUnknownEmailLookTheSame()
    {
        m_server->createUser(QStringLiteral("known@example.com"), Role::Customer);
        auto client = connectClient();
        const auto wrong = client->signIn(QStringLiteral("known@example.com"), QStringLiteral("wrong password 1"));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, ErrorCode::InvalidCredentials);
        const auto unknown = client->signIn(QStringLiteral("nobody@example.com"), TestServer::kPassword);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, ErrorCode::InvalidCredentials);
        QCOMPARE(unknown.error().message, wrong.error().message);
        QCOMPARE(codeOf(client->call(Method::Me)), ErrorCode::NotAuthenticated);
    }

    void throttlingKicksInAndExpires()
    {
        m_server->createUser(QStringLiteral("target@example.com"), Role::Customer);
        auto client = connectClient();
        for (int i = 0; i < 5; ++i) {
            const auto attempt = client->signIn(QStringLiteral("target@example.com"), QStringLiteral("guess number %1").arg(i));
            QCOMPARE(attempt.error().code, ErrorCode::InvalidCredentials);
        }
        // Now even the right password is refused, with how long to wait.
        const auto blocked = client->signIn(QStringLiteral("target@example.com"), TestServer::kPassword);
        QVERIFY(!blocked.ok());
        QCOMPARE(blocked.error().code, ErrorCode::TooManyAttempts);
        const qint64 wait = blocked.error().details.value(QLatin1String("retryAfterSeconds")).toInteger();
        QVERIFY(wait > 0 && wait <= 15 * 60);
        // Another account from the same address is not blocked yet.
        m_server->createUser(QStringLiteral("bystander@example.com"), Role::Customer);
        auto other = connectClient();
        QVERIFY(other->signIn(QStringLiteral("bystander@example.com"), TestServer::kPassword).ok());

        m_server->clock().advanceSeconds(wait);
        QVERIFY(client->signIn(QStringLiteral("target@example.com"), TestServer::kPassword).ok());
    }

    void parallelGuessesAreThrottledToo()
    {
        m_server->createUser(QStringLiteral("burst@example.com"), Role::Customer);
        auto client = connectClient();
        // Twenty guesses sent at once, before any answer: only the first five may be tried.
        int wrong = 0;
        int throttled = 0;
        QObject context;
        for (int i = 0; i < 20; ++i) {
            client->api().call(Method::SignIn,
                               common::SignInParams{QStringLiteral("burst@example.com"), QStringLiteral("guess %1 xx").arg(i)}
                                   .toCbor(),
                               &context, [&](const common::Result<QCborMap>& reply) {
                                   if (!reply && reply.error().code == ErrorCode::InvalidCredentials)
                                       ++wrong;
                                   if (!reply && reply.error().code == ErrorCode::TooManyAttempts)
                                       ++throttled;
                               });
        }
        QTRY_COMPARE_WITH_TIMEOUT(wrong + throttled, 20, 10000);
        QCOMPARE(wrong, 5);
        QCOMPARE(throttled, 15);
    }

    void signOutEndsTheSessionEverywhere()
    {
        m_server->createUser(QStringLiteral("leaver@example.com"), Role::Customer);
        auto first = connectClient();
        const auto session = first->signIn(QStringLiteral("leaver@example.com"), TestServer::kPassword);
        QVERIFY(session.ok());
        // A second connection resumes the same session, as the app does after a reconnect.
        auto second = connectClient();
        QVERIFY(second->call(Method::Resume, {{QLatin1String("token"), session->token}}).ok());
        QVERIFY(second->call(Method::Me).ok());

        QVERIFY(first->call(Method::SignOut).ok());
        QCOMPARE(codeOf(first->call(Method::Me)), ErrorCode::NotAuthenticated);
        const auto ended = second->waitForEvent(Event::SessionEnded);
        QVERIFY(ended.has_value());
        QCOMPARE(ended->value(QLatin1String("reason")).toString(), QStringLiteral("signed_out"));
        QCOMPARE(codeOf(second->call(Method::Me)), ErrorCode::NotAuthenticated);
        auto third = connectClient();
        QCOMPARE(codeOf(third->call(Method::Resume, {{QLatin1String("token"), session->token}})),
                 ErrorCode::SessionExpired);
    }

    void sessionsExpire()
    {
        m_server->createUser(QStringLiteral("sleepy@example.com"), Role::Customer);
        auto client = connectClient();
        const auto session = client->signIn(QStringLiteral("sleepy@example.com"), TestServer::kPassword);
        QVERIFY(session.ok());
        m_server->clock().advanceSeconds(m_server->config().accounts.sessionTtlSeconds + 1);
        QCOMPARE(codeOf(client->call(Method::Me)), ErrorCode::SessionExpired);
        QCOMPARE(client->waitForEvent(Event::SessionEnded)->value(QLatin1String("reason")).toString(),
                 QStringLiteral("expired"));
        auto later = connectClient();
        QCOMPARE(codeOf(later->call(Method::Resume, {{QLatin1String("token"), session->token}})),
                 ErrorCode::SessionExpired);
    }

    void forgedTokensAreRefused()
    {
        auto client = connectClient();
        QCOMPARE(codeOf(client->call(Method::Resume, {{QLatin1String("token"), QStringLiteral("forged")}})),
                 ErrorCode::SessionExpired);
    }

    void customerCannotCallAdminMethods()
    {
        auto customer = signedInAs(QStringLiteral("cust@example.com"), Role::Customer);
        auto agent = signedInAs(QStringLiteral("agent1@example.com"), Role::Agent);
        const common::CreateAgentParams params{QStringLiteral("sneaky@example.com"), QStringLiteral("Sneaky"),
                                               TestServer::kPassword};
        for (auto* client : {customer.get(), agent.get()}) {
            QCOMPARE(codeOf(client->call(Method::CreateAgent, params.toCbor())), ErrorCode::PermissionDenied);
            QCOMPARE(codeOf(client->call(Method::ListUsers)), ErrorCode::PermissionDenied);
            QCOMPARE(codeOf(client->call(Method::SetUserState,
                                         common::SetUserStateParams{1, UserState::Disabled}.toCbor())),
                     ErrorCode::PermissionDenied);
        }
        auto anonymous = connectClient();
        QCOMPARE(codeOf(anonymous->call(Method::CreateAgent, params.toCbor())), ErrorCode::NotAuthenticated);
        const auto users = m_server->server().accounts().listUsers({});
        QVERIFY(users.ok() && !users.value().isEmpty());
        for (const auto& user : users.value())
            QVERIFY(user.email != QStringLiteral("sneaky@example.com"));
    }

    void adminCreatesAnAgentWhoCanSignIn()
    {
        auto admin = signedInAs(QStringLiteral("boss@example.com"), Role::Admin);
        const common::CreateAgentParams params{QStringLiteral("new.agent@example.com"), QStringLiteral("Nila Agent"),
                                               QStringLiteral("agent password 1")};
        const auto created = admin->call(Method::CreateAgent, params.toCbor());
        QVERIFY2(created.ok(), qPrintable(created.error().message));
        QCOMPARE(common::UserResult::fromCbor(created.value())->user.role, Role::Agent);
        QCOMPARE(codeOf(admin->call(Method::CreateAgent, params.toCbor())), ErrorCode::EmailTaken);

        auto agent = connectClient();
        const auto session = agent->signIn(QStringLiteral("new.agent@example.com"), QStringLiteral("agent password 1"));
        QVERIFY(session.ok());
        QCOMPARE(session->user.role, Role::Agent);
        QCOMPARE(session->user.displayName, QStringLiteral("Nila Agent"));

        const auto agents = admin->call(Method::ListUsers, common::ListUsersParams{Role::Agent, {}}.toCbor());
        QVERIFY(agents.ok());
        QCOMPARE(common::UserList::fromCbor(agents.value())->users.size(), 1);
    }

    void adminRequestWaitsForApproval()
    {
        auto admin = signedInAs(QStringLiteral("boss@example.com"), Role::Admin);
        auto requester = connectClient();
        const auto registered =
            requester->call(Method::Register, registration(QStringLiteral("hopeful@example.com"), true).toCbor());
        QVERIFY(registered.ok());
        const auto pending = common::UserResult::fromCbor(registered.value())->user;
        QCOMPARE(pending.role, Role::Admin);
        QCOMPARE(pending.state, UserState::PendingApproval);

        // The signed-in admin hears about it live.
        const auto event = admin->waitForEvent(Event::AdminRequestCreated);
        QVERIFY(event.has_value());
        QCOMPARE(common::UserInfo::fromCbor(event->value(QLatin1String("user")).toMap())->id, pending.id);

        const auto refused = requester->signIn(QStringLiteral("hopeful@example.com"), TestServer::kPassword);
        QCOMPARE(refused.error().code, ErrorCode::AccountPending);

        const auto requests = admin->call(Method::ListAdminRequests);
        QVERIFY(requests.ok());
        const auto list = common::UserList::fromCbor(requests.value());
        QCOMPARE(list->users.size(), 1);
        QCOMPARE(list->users.constFirst().id, pending.id);

        const auto approved =
            admin->call(Method::DecideAdminRequest, common::DecideAdminRequestParams{pending.id, true}.toCbor());
        QVERIFY2(approved.ok(), qPrintable(approved.error().message));
        QCOMPARE(common::UserResult::fromCbor(approved.value())->user.state, UserState::Active);
        QCOMPARE(codeOf(admin->call(Method::DecideAdminRequest,
                                    common::DecideAdminRequestParams{pending.id, true}.toCbor())),
                 ErrorCode::Conflict);

        const auto session = requester->signIn(QStringLiteral("hopeful@example.com"), TestServer::kPassword);
        QVERIFY(session.ok());
        QCOMPARE(session->user.role, Role::Admin);
        QVERIFY(requester->call(Method::ListUsers).ok());
    }

    void rejectedAdminRequestLeavesACustomerAccount()
    {
        auto admin = signedInAs(QStringLiteral("boss@example.com"), Role::Admin);
        auto requester = connectClient();
        const auto registered =
            requester->call(Method::Register, registration(QStringLiteral("declined@example.com"), true).toCbor());
        const qint64 id = common::UserResult::fromCbor(registered.value())->user.id;
        const auto rejected =
            admin->call(Method::DecideAdminRequest, common::DecideAdminRequestParams{id, false}.toCbor());
        QVERIFY(rejected.ok());
        const auto session = requester->signIn(QStringLiteral("declined@example.com"), TestServer::kPassword);
        QVERIFY(session.ok());
        QCOMPARE(session->user.role, Role::Customer);
        QCOMPARE(codeOf(requester->call(Method::ListUsers)), ErrorCode::PermissionDenied);
        QVERIFY(admin->call(Method::ListAdminRequests).ok());
        QVERIFY(common::UserList::fromCbor(admin->call(Method::ListAdminRequests).value())->users.isEmpty());
    }

    void disablingAnAccountSignsItOutLive()
    {
        auto admin = signedInAs(QStringLiteral("boss@example.com"), Role::Admin);
        auto customer = signedInAs(QStringLiteral("trouble@example.com"), Role::Customer);
        const qint64 customerId = common::UserResult::fromCbor(customer->call(Method::Me).value())->user.id;
        const qint64 adminId = common::UserResult::fromCbor(admin->call(Method::Me).value())->user.id;

        QCOMPARE(codeOf(admin->call(Method::SetUserState,
                                    common::SetUserStateParams{adminId, UserState::Disabled}.toCbor())),
                 ErrorCode::PermissionDenied);
        QSignalSpy ended(&customer->api(), &app::ApiClient::sessionEnded);
        QVERIFY(admin->call(Method::SetUserState, common::SetUserStateParams{customerId, UserState::Disabled}.toCbor())
                    .ok());
        const auto event = customer->waitForEvent(Event::SessionEnded);
        QVERIFY(event.has_value());
        QCOMPARE(event->value(QLatin1String("reason")).toString(), QStringLiteral("account_disabled"));
        QTRY_COMPARE(ended.count(), 1);
        QCOMPARE(ended.constFirst().at(0).value<common::Error>().code, ErrorCode::AccountDisabled);
        QVERIFY(customer->api().sessionToken().isEmpty());
        QCOMPARE(codeOf(customer->call(Method::Me)), ErrorCode::NotAuthenticated);
        QCOMPARE(customer->signIn(QStringLiteral("trouble@example.com"), TestServer::kPassword).error().code,
                 ErrorCode::AccountDisabled);

        QVERIFY(admin->call(Method::SetUserState, common::SetUserStateParams{customerId, UserState::Active}.toCbor())
                    .ok());
        QVERIFY(customer->signIn(QStringLiteral("trouble@example.com"), TestServer::kPassword).ok());
    }

    void restartKeepsAllAccounts()
    {
        auto admin = signedInAs(QStringLiteral("boss@example.com"), Role::Admin);
        QVERIFY(admin->call(Method::CreateAgent, common::CreateAgentParams{QStringLiteral("kept.agent@example.com"),
                                                                           QStringLiteral("Kept"),
                                                                           QStringLiteral("agent password 1")}
                                                     .toCbor())
                    .ok());
        const QString token = admin->api().sessionToken();
        const QString fingerprint = m_server->fingerprint();

        m_server->stop();
        QVERIFY(admin->waitForState(app::ConnectionState::Reconnecting));
        QVERIFY(m_server->start());
        QCOMPARE(m_server->fingerprint(), fingerprint);

        // The existing client reconnects by itself and resumes its session.
        QVERIFY(admin->waitConnected(15000));
        QCOMPARE(admin->api().sessionToken(), token);
        QVERIFY(admin->call(Method::Me).ok());
        auto agent = connectClient();
        QVERIFY(agent->signIn(QStringLiteral("kept.agent@example.com"), QStringLiteral("agent password 1")).ok());
        QVERIFY(agent->signIn(QStringLiteral("boss@example.com"), TestServer::kPassword).error().code ==
                ErrorCode::Conflict); // already signed in on this connection
    }
};

QTEST_GUILESS_MAIN(TestAccountsFlow)
#include "TestAccountsFlow.moc"
