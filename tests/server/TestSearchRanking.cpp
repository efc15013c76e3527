#include "store/SearchRanking.h"

#include <QTest>

using namespace ccr::server;

/** How search candidates are ordered (the match itself is FTS5's, tested in TestTicketQueries). */
class TestSearchRanking final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wordsAreFoldedLikeTheIndex()
    {
        QCOMPARE(SearchRanking::tokens(QStringLiteral("Réfund, RETURN-label! naïve")),
                 (QStringList{QStringLiteral("refund"), QStringLiteral("return"), QStringLiteral("label"),
                              QStringLiteral("naive")}));
    }

    void aSubjectHitBeatsBodyHits()
    {
        SearchRanking ranking(QStringLiteral("refund"));
        ranking.add(1, QStringLiteral("Question"), QStringLiteral("my refund and another refund, refund please"));
        ranking.add(2, QStringLiteral("Refund missing"), QStringLiteral("nothing came back"));
        QCOMPARE(ranking.ranked(), (QList<qint64>{2, 1}));
    }

    void moreHitsRankHigherButSaturate()
    {
        SearchRanking ranking(QStringLiteral("kettle"));
        const QString filler = QStringLiteral(" word").repeated(20);
        ranking.add(1, QStringLiteral("a"), QStringLiteral("kettle") + filler);
        ranking.add(2, QStringLiteral("b"), QStringLiteral("kettle kettle kettle") + filler);
        ranking.add(3, QStringLiteral("c"), QStringLiteral("kettle kettle") + filler);
        QCOMPARE(ranking.ranked(), (QList<qint64>{2, 3, 1}));
    }

    void theLastWordIsAPrefixAndEveryWordCounts()
    {
        SearchRanking ranking(QStringLiteral("card char"));
        ranking.add(1, QStringLiteral("x"), QStringLiteral("card charged twice"));
        ranking.add(2, QStringLiteral("x"), QStringLiteral("card card card"));
        ranking.add(3, QStringLiteral("x"), QStringLiteral("card charger charge"));
        QCOMPARE(ranking.ranked(), (QList<qint64>{3, 1, 2}));
    }

    void aTicketRanksByItsBestTextAndTiesGoToTheNewer()
    {
        SearchRanking ranking(QStringLiteral("parcel"));
        ranking.add(7, QStringLiteral(""), QStringLiteral("the parcel"));
        ranking.add(5, QStringLiteral("Parcel lost"), QStringLiteral(""));
        ranking.add(7, QStringLiteral("Parcel lost"), QStringLiteral(""));
        ranking.add(6, QStringLiteral(""), QStringLiteral("unrelated words only"));
        QCOMPARE(ranking.ranked(), (QList<qint64>{7, 5, 6}));
    }
};

QTEST_GUILESS_MAIN(TestSearchRanking)
#include "TestSearchRanking.moc"
