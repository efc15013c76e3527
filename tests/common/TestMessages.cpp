#include "common/Envelope.h"
#include "common/messages/CreateAgentParams.h"
#include "common/messages/DecideAdminRequestParams.h"
#include "common/messages/HelloParams.h"
#include "common/messages/HelloResult.h"
#include "common/messages/ListUsersParams.h"
#include "common/messages/RegisterParams.h"
#include "common/messages/ResumeParams.h"
#include "common/messages/SessionInfo.h"
#include "common/messages/SetUserStateParams.h"
#include "common/messages/SignInParams.h"
#include "common/messages/UserList.h"
#include "common/messages/UserResult.h"

#include "RoundTrip.h"

#include <QTest>
#include <QTimeZone>

using namespace ccr::common;
using ccr::tests::checkRoundTrip;

namespace {

UserInfo sampleUser()
{
    const auto when = QDateTime::fromMSecsSinceEpoch(1'790'000'000'123, QTimeZone::utc());
    return UserInfo{42, QStringLiteral("ané@example.com"), QStringLiteral("Ané Ñandú"), Role::Agent,
                    UserState::PendingApproval, QStringLiteral("ta"), when, when.addSecs(60)};
}

} // namespace

class TestMessages final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMessageRoundTrips()
    {
        checkRoundTrip(HelloParams{1, 3, QStringLiteral("ccr-desk/0.1")});
        checkRoundTrip(HelloResult{1, 0, QStringLiteral("ccr-server/0.1")});
        checkRoundTrip(RegisterParams{QStringLiteral("a@b.example"), QStringLiteral("A"), QStringLiteral("pw1234567890"),
                                      QStringLiteral("pw1234567890"), true, QStringLiteral("hi")});
        checkRoundTrip(SignInParams{QStringLiteral("a@b.example"), QStringLiteral("secret")});
        checkRoundTrip(ResumeParams{QStringLiteral("tok")});
        checkRoundTrip(CreateAgentParams{QStringLiteral("a@b.example"), QStringLiteral("A"), QStringLiteral("pw")});
        checkRoundTrip(DecideAdminRequestParams{5, true});
        checkRoundTrip(DecideAdminRequestParams{5, false});
        checkRoundTrip(SetUserStateParams{9, UserState::Disabled});
        checkRoundTrip(ListUsersParams{Role::Admin, UserState::PendingApproval});
        checkRoundTrip(ListUsersParams{});
        checkRoundTrip(sampleUser());
        checkRoundTrip(UserResult{sampleUser()});
        checkRoundTrip(UserList{{sampleUser(), sampleUser()}});
        checkRoundTrip(SessionInfo{QStringLiteral("token"), sampleUser().createdAt, sampleUser()});
        checkRoundTrip(SessionInfo{{}, sampleUser().createdAt, sampleUser()});
    }

    void missingFieldIsNamed()
    {
        auto params = SignInParams::fromCbor(QCborMap{{QLatin1String("email"), QStringLiteral("a@b.example")}});
        QVERIFY(!params.ok());
        QCOMPARE(params.error().code, ErrorCode::InvalidParams);
        QCOMPARE(params.error().details.value(QLatin1String("field")).toString(), QStringLiteral("password"));
    }

    void mistypedFieldIsRefused()
    {
        auto params = DecideAdminRequestParams::fromCbor(
            QCborMap{{QLatin1String("userId"), QStringLiteral("5")}, {QLatin1String("approve"), true}});
        QVERIFY(!params.ok());
        QCOMPARE(params.error().details.value(QLatin1String("field")).toString(), QStringLiteral("userId"));
        auto missingApprove = DecideAdminRequestParams::fromCbor(QCborMap{{QLatin1String("userId"), 5}});
        QVERIFY(!missingApprove.ok());
    }

    void overlongStringIsRefused()
    {
        auto params = ResumeParams::fromCbor(QCborMap{{QLatin1String("token"), QString(201, QLatin1Char('a'))}});
        QVERIFY(!params.ok());
        QCOMPARE(params.error().code, ErrorCode::InvalidParams);
    }

    void unknownEnumValuesAreRefused()
    {
        QVERIFY(!SetUserStateParams::fromCbor(
                     QCborMap{{QLatin1String("userId"), 1}, {QLatin1String("state"), QStringLiteral("gone")}})
                     .ok());
        QVERIFY(!ListUsersParams::fromCbor(QCborMap{{QLatin1String("role"), QStringLiteral("boss")}}).ok());
    }

    void requestEnvelopeRoundTripsAndRejectsBadShapes()
    {
        const RequestEnvelope request{12, QStringLiteral("auth.signIn"), QCborMap{{QLatin1String("x"), 1}}};
        auto decoded = RequestEnvelope::fromCbor(request.toCbor());
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->id, 12u);
        QCOMPARE(decoded->method, request.method);
        QCOMPARE(decoded->params, request.params);

        QVERIFY(!RequestEnvelope::fromCbor(QCborMap{{QLatin1String("method"), QStringLiteral("x")}}).ok());
        QVERIFY(!RequestEnvelope::fromCbor(QCborMap{{QLatin1String("id"), -1}, {QLatin1String("method"), QStringLiteral("x")}}).ok());
        QVERIFY(!RequestEnvelope::fromCbor(QCborMap{{QLatin1String("id"), 1}}).ok());
        QVERIFY(!RequestEnvelope::fromCbor(QCborMap{{QLatin1String("id"), 1},
                                                    {QLatin1String("method"), QStringLiteral("x")},
                                                    {QLatin1String("params"), 5}})
                     .ok());
        QCOMPARE(RequestEnvelope::fromCbor(QCborMap{{QLatin1String("id"), 1}}).error().code, ErrorCode::BadEnvelope);
    }

    void serverMessagesAreToldApart()
    {
        const ReplyEnvelope ok{3, QCborMap{{QLatin1String("a"), 1}}, std::nullopt};
        const ReplyEnvelope failed{4, {}, Error(ErrorCode::EmailTaken)};
        const EventEnvelope event{QStringLiteral("session.ended"), QCborMap{{QLatin1String("reason"), QStringLiteral("x")}}};

        auto first = parseServerMessage(ok.toCbor());
        QVERIFY(first.ok());
        const auto& reply = std::get<ReplyEnvelope>(first.value());
        QCOMPARE(reply.id, 3u);
        QVERIFY(!reply.isError());
        QCOMPARE(reply.result, ok.result);

        auto second = parseServerMessage(failed.toCbor());
        QVERIFY(second.ok());
        const auto& error = std::get<ReplyEnvelope>(second.value());
        QVERIFY(error.isError());
        QCOMPARE(error.error->code, ErrorCode::EmailTaken);
        QCOMPARE(error.error->message, defaultErrorMessage(ErrorCode::EmailTaken));

        auto third = parseServerMessage(event.toCbor());
        QVERIFY(third.ok());
        QCOMPARE(std::get<EventEnvelope>(third.value()).event, event.event);
        QCOMPARE(std::get<EventEnvelope>(third.value()).data, event.data);
    }

    void errorCodesHaveStableNumbersAndNames()
    {
        QCOMPARE(qToUnderlying(ErrorCode::InvalidCredentials), 202);
        QCOMPARE(errorCodeName(ErrorCode::InvalidCredentials), QStringLiteral("invalid_credentials"));
        QCOMPARE(errorCodeFromInt(301), ErrorCode::EmailTaken);
        QCOMPARE(errorCodeFromInt(99999), ErrorCode::Internal);
        const Error error(ErrorCode::TooManyAttempts, {}, QCborMap{{QLatin1String("retryAfterSeconds"), 30}});
        const Error back = Error::fromCbor(error.toCbor());
        QCOMPARE(back.code, error.code);
        QCOMPARE(back.message, error.message);
        QCOMPARE(back.details, error.details);
    }
};

QTEST_GUILESS_MAIN(TestMessages)
#include "TestMessages.moc"
