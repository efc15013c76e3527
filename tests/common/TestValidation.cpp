#include "common/FieldError.h"
#include "common/TicketValidation.h"
#include "common/Validation.h"

#include <QTest>

using namespace ccr::common;

class TestValidation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emails_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<int>("problem"); // -1: valid
        QTest::newRow("plain") << QStringLiteral("meera@example.com") << -1;
        QTest::newRow("subdomain and plus") << QStringLiteral("a.b+tag@mail.example.co.in") << -1;
        QTest::newRow("surrounding spaces") << QStringLiteral("  x@y.example  ") << -1;
        QTest::newRow("empty") << QString() << int(FieldProblem::Required);
        QTest::newRow("no at") << QStringLiteral("meera.example.com") << int(FieldProblem::InvalidFormat);
        QTest::newRow("two at") << QStringLiteral("a@b@c.example") << int(FieldProblem::InvalidFormat);
        QTest::newRow("no dot in domain") << QStringLiteral("a@localhost") << int(FieldProblem::InvalidFormat);
        QTest::newRow("space inside") << QStringLiteral("a b@c.example") << int(FieldProblem::InvalidFormat);
        QTest::newRow("too long") << (QString(250, QLatin1Char('a')) + QStringLiteral("@b.example"))
                                  << int(FieldProblem::TooLong);
    }
    void emails()
    {
        QFETCH(QString, email);
        QFETCH(int, problem);
        const auto result = Validation::checkEmail(email);
        if (problem < 0)
            QVERIFY(!result.has_value());
        else
            QCOMPARE(int(result.value_or(FieldProblem::Required)), problem);
        if (problem >= 0)
            QVERIFY(result.has_value());
    }

    void passwords()
    {
        const QString email = QStringLiteral("meera@example.com");
        QVERIFY(!Validation::checkPassword(QStringLiteral("long enough 1"), email));
        QCOMPARE(Validation::checkPassword(QString(), email), FieldProblem::Required);
        QCOMPARE(Validation::checkPassword(QStringLiteral("short"), email), FieldProblem::TooShort);
        QCOMPARE(Validation::checkPassword(QString(129, QLatin1Char('a')) + QLatin1Char('b'), email),
                 FieldProblem::TooLong);
        QCOMPARE(Validation::checkPassword(QStringLiteral("aaaaaaaaaaaa"), email), FieldProblem::Weak);
        QCOMPARE(Validation::checkPassword(QStringLiteral("MEERA@example.com"), email), FieldProblem::Weak);
        QCOMPARE(Validation::checkPassword(QStringLiteral("            "), email), FieldProblem::Weak);
    }

    void displayNames()
    {
        QVERIFY(!Validation::checkDisplayName(QStringLiteral("Meera Krishnan")));
        QVERIFY(!Validation::checkDisplayName(QStringLiteral("மீரா")));
        QCOMPARE(Validation::checkDisplayName(QStringLiteral("   ")), FieldProblem::Required);
        QCOMPARE(Validation::checkDisplayName(QString(101, QLatin1Char('x'))), FieldProblem::TooLong);
        QCOMPARE(Validation::checkDisplayName(QStringLiteral("bad\x01name")), FieldProblem::InvalidFormat);
    }

    void registrationCollectsEveryProblem()
    {
        const auto errors = Validation::checkRegistration(QStringLiteral("nope"), QString(), QStringLiteral("short"),
                                                          QStringLiteral("other"));
        const QList<FieldError> expected{{QStringLiteral("email"), FieldProblem::InvalidFormat},
                                         {QStringLiteral("displayName"), FieldProblem::Required},
                                         {QStringLiteral("password"), FieldProblem::TooShort},
                                         {QStringLiteral("passwordConfirmation"), FieldProblem::Mismatch}};
        QCOMPARE(errors, expected);
        QVERIFY(Validation::checkRegistration(QStringLiteral("m@example.com"), QStringLiteral("M"),
                                              QStringLiteral("long enough 1"), QStringLiteral("long enough 1"))
                    .isEmpty());
    }

    void fieldErrorsTravelInsideAnError()
    {
        const QList<FieldError> errors{{QStringLiteral("email"), FieldProblem::InvalidFormat},
                                       {QStringLiteral("password"), FieldProblem::Weak}};
        const Error error = Error::fromCbor(validationError(errors).toCbor());
        QCOMPARE(error.code, ErrorCode::ValidationFailed);
        QCOMPARE(fieldErrorsOf(error), errors);
        QVERIFY(fieldErrorsOf(Error(ErrorCode::Internal)).isEmpty());
    }

    void ratingRules()
    {
        namespace Rules = TicketValidation;
        QCOMPARE(Rules::checkRatingStars(0), FieldProblem::Required);
        QCOMPARE(Rules::checkRatingStars(-1), FieldProblem::InvalidFormat);
        QCOMPARE(Rules::checkRatingStars(6), FieldProblem::InvalidFormat);
        for (int stars = Rules::kMinRatingStars; stars <= Rules::kMaxRatingStars; ++stars)
            QVERIFY(!Rules::checkRatingStars(stars));
        QVERIFY(!Rules::checkRatingComment(QString()));
        // Measured after trimming, like every other text.
        QVERIFY(!Rules::checkRatingComment(QString(Rules::kMaxRatingCommentLength, QLatin1Char('x')) +
                                           QStringLiteral("  ")));
        QCOMPARE(Rules::checkRatingComment(QString(Rules::kMaxRatingCommentLength + 1, QLatin1Char('x'))),
                 FieldProblem::TooLong);
    }

    void emailsAreNormalized()
    {
        QCOMPARE(Validation::normalizeEmail(QStringLiteral("  Meera@Example.COM ")), QStringLiteral("meera@example.com"));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "TestValidation.moc"
