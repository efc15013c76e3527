#include "Base32.h"
#include "HelpDesk.h"
#include "SmtpSink.h"
#include "common/Protocol.h"
#include "common/account/DisableTwoFactorParams.h"
#include "common/account/RecoveryCodes.h"
#include "common/account/ServerSettings.h"
#include "common/account/TwoFactorCodeParams.h"
#include "common/account/TwoFactorSetup.h"
#include "common/account/TwoFactorStatus.h"
#include "common/messages/SignInParams.h"
#include "services/Totp.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace ccr;
using namespace ccr::tests;
using common::ErrorCode;
namespace Method = common::Protocol::Method;

namespace {

QString currentCode(const QByteArray& secret, TestServer& server, int stepOffset = 0)
{
    return server::Totp::code(secret, server::Totp::stepAt(server.clock().now()) + stepOffset);
}

common::Result<common::SessionInfo> signInWith(TestClient& client, const QString& email, const QString& totp,
                                               const QString& recovery = {})
{
    auto reply = client.call(Method::SignIn,
                             common::SignInParams{email, TestServer::kPassword, totp, recovery}.toCbor());
    if (!reply)
        return reply.error();
    return common::SessionInfo::fromCbor(reply.value());
}

} // namespace

class TestTwoFactor final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HelpDesk> m_desk;

    std::unique_ptr<TestClient> freshClient()
    {
        auto client = std::make_unique<TestClient>(m_desk->server().port(), m_desk->server().fingerprint());
        if (!client->waitConnected())
            qFatal("no connection");
        return client;
    }

    /** Enrols the actor and returns the secret and recovery codes. */
    std::pair<QByteArray, QStringList> enrol(Actor& actor)
    {
        auto setup = actor->callFor<common::TwoFactorSetup>(Method::BeginTwoFactor);
        if (!setup)
            qFatal("begin failed: %s", qPrintable(setup.error().message));
        const QByteArray secret = fromBase32(setup->secret);
        auto codes = actor->callFor<common::RecoveryCodes>(
            Method::ConfirmTwoFactor, common::TwoFactorCodeParams{currentCode(secret, m_desk->server())}.toCbor());
        if (!codes)
            qFatal("confirm failed: %s", qPrintable(codes.error().message));
        return {secret, codes->codes};
    }

private Q_SLOTS:
    void init()
    {
        m_desk = std::make_unique<HelpDesk>();
        QVERIFY(m_desk->ready());
    }
    void cleanup() { m_desk.reset(); }

    void enrolmentAndSignInWithCodes()
    {
        HelpDesk& desk = *m_desk;
        const QString email = desk.customer.user.email;
        auto setup = desk.customer->callFor<common::TwoFactorSetup>(Method::BeginTwoFactor);
        QVERIFY(setup.ok());
        QVERIFY(setup->uri.startsWith(QStringLiteral("otpauth://totp/")));
        QVERIFY(setup->uri.contains(setup->secret));
        const QByteArray secret = fromBase32(setup->secret);
        QCOMPARE(secret.size(), 20);

        // Not on until confirmed with a code from the app.
        QCOMPARE(desk.customer->call(Method::ConfirmTwoFactor, common::TwoFactorCodeParams{QStringLiteral("000000")}.toCbor())
                     .error()
                     .code,
                 ErrorCode::InvalidCredentials);
        QVERIFY(!desk.customer->callFor<common::TwoFactorStatus>(Method::TwoFactorStatus)->enabled);
        auto codes = desk.customer->callFor<common::RecoveryCodes>(
            Method::ConfirmTwoFactor, common::TwoFactorCodeParams{currentCode(secret, desk.server())}.toCbor());
        QVERIFY2(codes.ok(), qPrintable(codes.error().message));
        QCOMPARE(codes->codes.size(), 10);
        QVERIFY(desk.customer->callFor<common::TwoFactorStatus>(Method::TwoFactorStatus)->enabled);
        // The secret is never handed out again.
        QCOMPARE(desk.customer->call(Method::BeginTwoFactor).error().code, ErrorCode::Conflict);

        auto client = freshClient();
        QCOMPARE(signInWith(*client, email, {}).error().code, ErrorCode::TwoFactorRequired);
        QCOMPARE(signInWith(*client, email, QStringLiteral("123456") == currentCode(secret, desk.server())
                                                ? QStringLiteral("654321")
                                                : QStringLiteral("123456"))
                     .error()
                     .code,
                 ErrorCode::InvalidCredentials);
        // The code used to confirm enrolment cannot be replayed.
        QCOMPARE(signInWith(*client, email, currentCode(secret, desk.server())).error().code,
                 ErrorCode::InvalidCredentials);
        desk.server().clock().advanceSeconds(30);
        const QString fresh = currentCode(secret, desk.server());
        QVERIFY(signInWith(*client, email, fresh).ok());
        auto again = freshClient();
        QCOMPARE(signInWith(*again, email, fresh).error().code, ErrorCode::InvalidCredentials); // replay

        // Recovery codes work once each.
        const QString recovery = codes->codes.constFirst();
        QVERIFY(signInWith(*again, email, {}, recovery.toUpper()).ok());
        auto third = freshClient();
        QCOMPARE(signInWith(*third, email, {}, recovery).error().code, ErrorCode::InvalidCredentials);
        QVERIFY(signInWith(*third, email, {}, codes->codes.at(1)).ok());
    }

    void guessingCodesIsThrottledPerAccount()
    {
        HelpDesk& desk = *m_desk;
        const auto [secret, codes] = enrol(desk.customer);
        const QString email = desk.customer.user.email;
        desk.server().clock().advanceSeconds(60);
        const QString right = currentCode(secret, desk.server());
        const QString wrong = right == QLatin1String("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
        for (int i = 0; i < 5; ++i) {
            auto client = freshClient();
            QCOMPARE(signInWith(*client, email, wrong).error().code, ErrorCode::InvalidCredentials);
        }
        auto client = freshClient();
        QCOMPARE(signInWith(*client, email, right).error().code, ErrorCode::TooManyAttempts);
    }

    void secretsAreSealedInTheDatabase()
    {
        HelpDesk& desk = *m_desk;
        const auto [secret, codes] = enrol(desk.customer);
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(desk.server().config().databasePath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT sealed_secret FROM two_factor")) && query.next());
        const QByteArray stored = query.value(0).toByteArray();
        QVERIFY(!stored.isEmpty());
        QVERIFY(!stored.contains(secret));
        QVERIFY(query.exec(QStringLiteral("SELECT code_hash FROM recovery_codes")));
        while (query.next())
            QVERIFY(!query.value(0).toByteArray().contains(codes.constFirst().toLatin1()));
        query.finish();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    }

    void turningItOffNeedsThePassword()
    {
        HelpDesk& desk = *m_desk;
        enrol(desk.customer);
        QCOMPARE(desk.customer->call(Method::DisableTwoFactor, common::DisableTwoFactorParams{QStringLiteral("wrong")}.toCbor())
                     .error()
                     .code,
                 ErrorCode::InvalidCredentials);
        QVERIFY(desk.customer->call(Method::DisableTwoFactor, common::DisableTwoFactorParams{TestServer::kPassword}.toCbor())
                    .ok());
        auto client = freshClient();
        QVERIFY(signInWith(*client, desk.customer.user.email, {}).ok());
    }

    void mandatoryForStaffOnceAdminsSaySo()
    {
        HelpDesk& desk = *m_desk;
        QCOMPARE(desk.agent->call(Method::SetSettings, common::ServerSettings{true}.toCbor()).error().code,
                 ErrorCode::PermissionDenied);
        QVERIFY(desk.admin->call(Method::SetSettings, common::ServerSettings{true}.toCbor()).ok());
        QVERIFY(desk.admin->callFor<common::ServerSettings>(Method::GetSettings)->requireTwoFactorForStaff);

        // An agent without two-factor may sign in, but only to set it up.
        auto agent = freshClient();
        const auto session = signInWith(*agent, desk.agent.user.email, {});
        QVERIFY(session.ok());
        QVERIFY(session->twoFactorSetupRequired);
        QCOMPARE(agent->call(Method::ListTickets).error().code, ErrorCode::TwoFactorSetupRequired);
        // Nor does it hear about tickets until two-factor is set up.
        desk.createTicket(desk.customer, QStringLiteral("Not for restricted eyes"));
        QVERIFY(agent->sync());
        QVERIFY(agent->eventsNamed(common::Protocol::Event::TicketCreated).isEmpty());
        QVERIFY(agent->call(Method::Me).ok());
        QVERIFY(agent->callFor<common::TwoFactorStatus>(Method::TwoFactorStatus)->required);
        auto setup = agent->callFor<common::TwoFactorSetup>(Method::BeginTwoFactor);
        QVERIFY(setup.ok());
        QVERIFY(agent->call(Method::ConfirmTwoFactor,
                            common::TwoFactorCodeParams{currentCode(fromBase32(setup->secret), desk.server())}.toCbor())
                    .ok());
        QVERIFY(agent->call(Method::ListTickets).ok());

        // Customers are not affected.
        auto customer = freshClient();
        const auto customerSession = signInWith(*customer, desk.customer.user.email, {});
        QVERIFY(customerSession.ok());
        QVERIFY(!customerSession->twoFactorSetupRequired);
    }

    void securityMailTellsTheOwner()
    {
        SmtpSink sink;
        QVERIFY(sink.start());
        m_desk = std::make_unique<HelpDesk>(TestServer::mailingConfig(sink.port()));
        QVERIFY(m_desk->ready());
        // Security mail goes out even to someone who turned every optional mail off.
        QVERIFY(m_desk->customer->call(Method::SetNotificationPreferences,
                                       QCborMap{{QLatin1String("disabled"),
                                                 QCborArray{QStringLiteral("new_reply"), QStringLiteral("welcome")}}})
                    .ok());
        enrol(m_desk->customer);
        const auto mails = sink.waitForMails(1);
        QCOMPARE(mails.size(), 1);
        QVERIFY(mails.constFirst().subject.contains(QStringLiteral("Two-factor sign-in is now on")));
    }
};

QTEST_GUILESS_MAIN(TestTwoFactor)
#include "TestTwoFactor.moc"
