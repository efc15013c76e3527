#include "services/PasswordHasher.h"
#include "services/SessionTokens.h"

#include <QSet>
#include <QTest>

using namespace ccr::server;

class TestPasswordHasher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verifiesTheRightPasswordOnly()
    {
        const PasswordHasher hasher(ScryptCost{10, 8, 1});
        const QString hash = hasher.hash(QStringLiteral("pässwörd 12345"));
        QVERIFY(PasswordHasher::verify(QStringLiteral("pässwörd 12345"), hash));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("pässwörd 12346"), hash));
        QVERIFY(!PasswordHasher::verify(QString(), hash));
    }

    void encodesCostAndSaltedOutput()
    {
        const PasswordHasher hasher(ScryptCost{11, 4, 2});
        const QString first = hasher.hash(QStringLiteral("same password"));
        const QString second = hasher.hash(QStringLiteral("same password"));
        QVERIFY(first != second); // random salt
        QVERIFY(first.startsWith(QStringLiteral("scrypt$11$4$2$")));
        QVERIFY(!first.contains(QStringLiteral("same password")));
        QVERIFY(PasswordHasher::verify(QStringLiteral("same password"), second));
    }

    void oldHashesStayValidWhenTheCostRises()
    {
        const QString oldHash = PasswordHasher(ScryptCost{10, 8, 1}).hash(QStringLiteral("kept password"));
        const PasswordHasher newer(ScryptCost{12, 8, 1});
        QVERIFY(PasswordHasher::verify(QStringLiteral("kept password"), oldHash));
        QVERIFY(newer.hash(QStringLiteral("kept password")).startsWith(QStringLiteral("scrypt$12$")));
    }

    void matchesRfc7914TestVector()
    {
        // RFC 7914, section 12: scrypt("password", "NaCl", N=1024, r=8, p=16, dkLen=64) starts fd ba be 1c.
        const QString encoded = QStringLiteral("scrypt$10$8$16$") + QString::fromLatin1(QByteArray("NaCl").toBase64()) +
                                QLatin1Char('$') +
                                QString::fromLatin1(QByteArray::fromHex("fdbabe1c9d3472007856e7190d01e9fe"
                                                                        "7c6ad7cbc8237830e77376634b373162")
                                                        .toBase64());
        QVERIFY(PasswordHasher::verify(QStringLiteral("password"), encoded));
    }

    void rejectsMalformedOrHostileEncodings()
    {
        for (const auto& bad : {QStringLiteral(""), QStringLiteral("plain"), QStringLiteral("md5$1$2$3$4$5"),
                                QStringLiteral("scrypt$99$8$1$c2FsdA==$aGFzaA=="),
                                QStringLiteral("scrypt$x$8$1$c2FsdA==$aGFzaA=="),
                                QStringLiteral("scrypt$10$8$1$c2FsdA==$dG9vc2hvcnQ=")}) {
            QVERIFY2(!PasswordHasher::verify(QStringLiteral("anything"), bad), qPrintable(bad));
        }
    }

    void sessionTokensAreRandomAndHashed()
    {
        QSet<QString> tokens;
        for (int i = 0; i < 1000; ++i)
            tokens.insert(SessionTokens::generate());
        QCOMPARE(tokens.size(), 1000);
        const QString token = *tokens.cbegin();
        QCOMPARE(token.size(), 43); // 32 bytes, base64url without padding
        QCOMPARE(SessionTokens::hash(token).size(), 32);
        QCOMPARE(SessionTokens::hash(token), SessionTokens::hash(token));
        QVERIFY(SessionTokens::hash(token) != token.toUtf8());
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "TestPasswordHasher.moc"
