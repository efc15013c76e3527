#include "ManualClock.h"
#include "services/SignInThrottle.h"

#include <QTest>

using namespace ccr::server;
using ccr::tests::ManualClock;

class TestSignInThrottle final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blocksAnAccountAfterTooManyFailuresUntilTheyAgeOut()
    {
        ManualClock clock;
        SignInThrottle throttle(clock, ThrottlePolicy{3, 100, 600});
        const QString account = QStringLiteral("a@example.com");
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(throttle.retryAfterSeconds(account, QStringLiteral("10.0.0.1")), 0);
            throttle.recordFailure(account, QStringLiteral("10.0.0.1"));
            clock.advanceSeconds(10);
        }
        // Oldest failure was 30 s ago; it leaves the 600 s window in 570 s.
        QCOMPARE(throttle.retryAfterSeconds(account, QStringLiteral("10.0.0.2")), 570);
        QCOMPARE(throttle.retryAfterSeconds(QStringLiteral("other@example.com"), QStringLiteral("10.0.0.2")), 0);
        clock.advanceSeconds(570);
        QCOMPARE(throttle.retryAfterSeconds(account, QStringLiteral("10.0.0.2")), 0);
    }

    void blocksAnAddressTryingManyAccounts()
    {
        ManualClock clock;
        SignInThrottle throttle(clock, ThrottlePolicy{100, 5, 900});
        for (int i = 0; i < 5; ++i)
            throttle.recordFailure(QStringLiteral("user%1@example.com").arg(i), QStringLiteral("10.0.0.9"));
        QVERIFY(throttle.retryAfterSeconds(QStringLiteral("fresh@example.com"), QStringLiteral("10.0.0.9")) > 0);
        QCOMPARE(throttle.retryAfterSeconds(QStringLiteral("fresh@example.com"), QStringLiteral("10.0.0.8")), 0);
    }

    void successClearsTheAccountCount()
    {
        ManualClock clock;
        SignInThrottle throttle(clock, ThrottlePolicy{2, 100, 900});
        const QString account = QStringLiteral("a@example.com");
        throttle.recordFailure(account, QStringLiteral("x"));
        throttle.recordSuccess(account, QStringLiteral("x"));
        throttle.recordFailure(account, QStringLiteral("x"));
        QCOMPARE(throttle.retryAfterSeconds(account, QStringLiteral("x")), 0);
        throttle.recordFailure(account, QStringLiteral("x"));
        QVERIFY(throttle.retryAfterSeconds(account, QStringLiteral("x")) > 0);
    }
};

QTEST_GUILESS_MAIN(TestSignInThrottle)
#include "TestSignInThrottle.moc"
