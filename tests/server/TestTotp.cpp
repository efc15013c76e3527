#include "services/ServerSecret.h"
#include "services/Totp.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace ccr::server;

class TestTotp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc6238TestVectors_data()
    {
        // RFC 6238 appendix B, SHA-1 rows; the seed is the ASCII "12345678901234567890".
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("expected");
        QTest::newRow("59") << qint64{59} << QStringLiteral("94287082");
        QTest::newRow("1111111109") << qint64{1111111109} << QStringLiteral("07081804");
        QTest::newRow("1111111111") << qint64{1111111111} << QStringLiteral("14050471");
        QTest::newRow("1234567890") << qint64{1234567890} << QStringLiteral("89005924");
        QTest::newRow("2000000000") << qint64{2000000000} << QStringLiteral("69279037");
        QTest::newRow("20000000000") << qint64{20000000000} << QStringLiteral("65353130");
    }
    void rfc6238TestVectors()
    {
        QFETCH(qint64, time);
        QFETCH(QString, expected);
        const QByteArray seed("12345678901234567890");
        const auto when = QDateTime::fromSecsSinceEpoch(time, QTimeZone::utc());
        QCOMPARE(Totp::code(seed, Totp::stepAt(when), 8), expected);
        QCOMPARE(Totp::code(seed, Totp::stepAt(when)), expected.right(6));
    }

    void verifyAllowsDriftButNoReplay()
    {
        const QByteArray secret("an example secret!!!");
        const auto now = QDateTime::fromSecsSinceEpoch(1'795'000'000, QTimeZone::utc());
        const qint64 step = Totp::stepAt(now);
        QCOMPARE(Totp::verify(secret, Totp::code(secret, step), now, 0), step);
        QCOMPARE(Totp::verify(secret, Totp::code(secret, step - 1), now, 0), step - 1);
        QCOMPARE(Totp::verify(secret, Totp::code(secret, step + 1), now, 0), step + 1);
        QVERIFY(!Totp::verify(secret, Totp::code(secret, step - 2), now, 0));
        QVERIFY(!Totp::verify(secret, Totp::code(secret, step), now, step)); // already used
        QVERIFY(!Totp::verify(secret, QStringLiteral("12345"), now, 0));
        const QString spaced = Totp::code(secret, step).insert(3, QLatin1Char(' '));
        QCOMPARE(Totp::verify(secret, spaced, now, 0), step);
    }

    void base32AndProvisioningUri()
    {
        QCOMPARE(Totp::base32("foobar"), QStringLiteral("MZXW6YTBOI")); // RFC 4648 test vector, unpadded
        QCOMPARE(Totp::base32("f"), QStringLiteral("MY"));
        const QUrl uri(Totp::provisioningUri("12345678901234567890", QStringLiteral("meera@example.com"),
                                             QStringLiteral("Customer Care Registry")));
        QCOMPARE(uri.scheme(), QStringLiteral("otpauth"));
        QCOMPARE(uri.host(), QStringLiteral("totp"));
        QCOMPARE(uri.path(), QStringLiteral("/Customer Care Registry:meera@example.com"));
        const QUrlQuery query(uri);
        QCOMPARE(query.queryItemValue(QStringLiteral("secret")), QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        QCOMPARE(query.queryItemValue(QStringLiteral("issuer")), QStringLiteral("Customer Care Registry"));
        QCOMPARE(query.queryItemValue(QStringLiteral("digits")), QStringLiteral("6"));
    }

    void sealedSecretsNeedTheServerKey()
    {
        QTemporaryDir first;
        QTemporaryDir second;
        const auto key = ServerSecret::loadOrCreate(first.path());
        const auto otherKey = ServerSecret::loadOrCreate(second.path());
        QVERIFY(key.ok() && otherKey.ok());
        QCOMPARE(QFile::permissions(first.filePath(QStringLiteral("server-secret.key"))) &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        const QByteArray secret("totp secret bytes!!!");
        const QByteArray sealed = key->seal(secret);
        QVERIFY(!sealed.contains(secret));
        QCOMPARE(key->open(sealed), secret);
        QVERIFY(!otherKey->open(sealed));
        QByteArray tampered = sealed;
        tampered[15] = static_cast<char>(tampered[15] ^ 1);
        QVERIFY(!key->open(tampered));
        QVERIFY(key->seal(secret) != sealed); // fresh nonce every time
        const auto reloaded = ServerSecret::loadOrCreate(first.path());
        QCOMPARE(reloaded->open(sealed), secret);
    }
};

QTEST_GUILESS_MAIN(TestTotp)
#include "TestTotp.moc"
