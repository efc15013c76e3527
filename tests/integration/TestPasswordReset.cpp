#include "HelpDesk.h"
#include "SmtpSink.h"
#include "common/Protocol.h"
#include "common/account/ChangePasswordParams.h"
#include "common/account/RequestPasswordResetParams.h"
#include "common/account/ResetPasswordParams.h"

#include <QRegularExpression>
#include <QTest>

using namespace ccr;
using namespace ccr::tests;
using common::ErrorCode;
namespace Method = common::Protocol::Method;
namespace Event = common::Protocol::Event;

namespace {

const QString kNewPassword = QStringLiteral("a brand new passphrase");

common::Result<QCborMap> requestCode(TestClient& client, const QString& email)
{
    return client.call(Method::RequestPasswordReset, common::RequestPasswordResetParams{email}.toCbor());
}

common::Result<QCborMap> reset(TestClient& client, const QString& email, const QString& code,
                               const QString& password = kNewPassword)
{
    return client.call(Method::ResetPassword, common::ResetPasswordParams{email, code, password, password}.toCbor());
}

} // namespace

class TestPasswordReset final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SmtpSink> m_sink;
    std::unique_ptr<HelpDesk> m_desk;
    std::unique_ptr<TestClient> m_anonymous;

private Q_SLOTS:
    void init()
    {
        m_sink = std::make_unique<SmtpSink>();
        QVERIFY(m_sink->start());
        m_desk = std::make_unique<HelpDesk>(TestServer::mailingConfig(m_sink->port()));
        QVERIFY(m_desk->ready());
        m_anonymous = std::make_unique<TestClient>(m_desk->server().port(), m_desk->server().fingerprint());
        QVERIFY(m_anonymous->waitConnected());
    }

    void cleanup()
    {
        m_anonymous.reset();
        m_desk.reset();
        m_sink.reset();
    }

    void theWholeFlowEndsEveryOldSession()
    {
        HelpDesk& desk = *m_desk;
        const QString email = desk.customer.user.email;
        QVERIFY(requestCode(*m_anonymous, email).ok());
        const QString code = m_sink->latestResetCode(email, 1);
        QCOMPARE(code.size(), 6);

        QCOMPARE(reset(*m_anonymous, email, QStringLiteral("000000") == code ? QStringLiteral("111111")
                                                                              : QStringLiteral("000000"))
                     .error()
                     .code,
                 ErrorCode::InvalidCredentials);
        QCOMPARE(reset(*m_anonymous, email, code, QStringLiteral("short")).error().code, ErrorCode::ValidationFailed);
        QVERIFY2(reset(*m_anonymous, email, code).ok(), "the right code was refused");

        // The customer's existing connection is signed out, and told why.
        const auto ended = desk.customer->waitForEvent(Event::SessionEnded);
        QVERIFY(ended.has_value());
        QCOMPARE(ended->value(QLatin1String("reason")).toString(), QStringLiteral("password_changed"));
        QCOMPARE(desk.customer->call(Method::Me).error().code, ErrorCode::NotAuthenticated);
        QCOMPARE(m_anonymous->signIn(email, TestServer::kPassword).error().code, ErrorCode::InvalidCredentials);
        QVERIFY(m_anonymous->signIn(email, kNewPassword).ok());
        // A code works once.
        auto other = std::make_unique<TestClient>(desk.server().port(), desk.server().fingerprint());
        QVERIFY(other->waitConnected());
        QCOMPARE(reset(*other, email, code, QStringLiteral("yet another passphrase")).error().code,
                 ErrorCode::InvalidCredentials);
        // The owner is told that the password changed.
        m_sink->waitForMails(2);
        bool told = false;
        for (const auto& mail : m_sink->mailsTo(email))
            told = told || mail.subject.contains(QStringLiteral("password was changed"));
        QVERIFY(told);
    }

    void unknownAddressesGetTheSameAnswerAndNoMail()
    {
        const auto known = requestCode(*m_anonymous, m_desk->customer.user.email);
        const auto unknown = requestCode(*m_anonymous, QStringLiteral("nobody@example.com"));
        QVERIFY(known.ok() && unknown.ok());
        QCOMPARE(known.value(), unknown.value());
        m_sink->waitForMails(1);
        QTest::qWait(300);
        QCOMPARE(m_sink->mails().size(), 1);
        QCOMPARE(reset(*m_anonymous, QStringLiteral("nobody@example.com"), QStringLiteral("123456")).error().code,
                 ErrorCode::InvalidCredentials);
    }

    void codesExpireAfterFifteenMinutes()
    {
        const QString email = m_desk->customer.user.email;
        QVERIFY(requestCode(*m_anonymous, email).ok());
        const QString code = m_sink->latestResetCode(email, 1);
        m_desk->server().clock().advanceSeconds(15 * 60 + 1);
        QCOMPARE(reset(*m_anonymous, email, code).error().code, ErrorCode::InvalidCredentials);
    }

    void fiveWrongTriesUseTheCodeUp()
    {
        const QString email = m_desk->customer.user.email;
        QVERIFY(requestCode(*m_anonymous, email).ok());
        const QString code = m_sink->latestResetCode(email, 1);
        const QString wrong = code == QLatin1String("999999") ? QStringLiteral("999998") : QStringLiteral("999999");
        for (int i = 0; i < 5; ++i)
            QCOMPARE(reset(*m_anonymous, email, wrong).error().code, ErrorCode::InvalidCredentials);
        QCOMPARE(reset(*m_anonymous, email, code).error().code, ErrorCode::TooManyAttempts);
    }

    void atMostThreeCodesAnHour()
    {
        const QString email = m_desk->customer.user.email;
        for (int i = 0; i < 5; ++i)
            QVERIFY(requestCode(*m_anonymous, email).ok());
        m_sink->waitForMails(3);
        QTest::qWait(500);
        QCOMPARE(m_sink->mailsTo(email).size(), 3);
        m_desk->server().clock().advanceSeconds(3601);
        QVERIFY(requestCode(*m_anonymous, email).ok());
        QCOMPARE(m_sink->waitForMails(4).size(), 4);
    }

    void changingThePasswordKeepsOnlyThisSession()
    {
        HelpDesk& desk = *m_desk;
        auto otherDevice = std::make_unique<TestClient>(desk.server().port(), desk.server().fingerprint());
        QVERIFY(otherDevice->waitConnected());
        QVERIFY(otherDevice->signIn(desk.agent.user.email, TestServer::kPassword).ok());

        const common::ChangePasswordParams wrong{QStringLiteral("not my password"), kNewPassword, kNewPassword};
        QCOMPARE(desk.agent->call(Method::ChangePassword, wrong.toCbor()).error().code, ErrorCode::InvalidCredentials);
        const common::ChangePasswordParams right{TestServer::kPassword, kNewPassword, kNewPassword};
        QVERIFY(desk.agent->call(Method::ChangePassword, right.toCbor()).ok());
        QVERIFY(desk.agent->call(Method::Me).ok());
        QVERIFY(otherDevice->waitForEvent(Event::SessionEnded).has_value());
        QCOMPARE(otherDevice->call(Method::Me).error().code, ErrorCode::NotAuthenticated);
        QVERIFY(otherDevice->signIn(desk.agent.user.email, kNewPassword).ok());
        QCOMPARE(m_anonymous->call(Method::ChangePassword, right.toCbor()).error().code, ErrorCode::NotAuthenticated);
    }
};

QTEST_GUILESS_MAIN(TestPasswordReset)
#include "TestPasswordReset.moc"
