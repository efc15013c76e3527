#include "store/SearchHitCounts.h"
#include "store/SearchIndex.h"
#include "store/SearchRanking.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace ccr::server;

/**
 * How search candidates are ordered: hits counted by ccr_hits inside a real FTS5 table
 * (tokenized as the search file's), then ranked by SearchRanking. The match itself is
 * FTS5's, tested in TestTicketQueries.
 */
class TestSearchRanking final : public QObject
{
    Q_OBJECT

    struct Text
    {
        qint64 ticketId;
        QString subject;
        QString body;
    };

    QSqlDatabase m_db;

    /** The texts' rows and their hits for words, newest (highest row id) first. */
    QList<std::pair<qint64, SearchHitCounts::Hits>> hitsFor(const QString& words, const QList<Text>& texts)
    {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("DROP TABLE IF EXISTS texts")) ||
            !query.exec(QStringLiteral("CREATE VIRTUAL TABLE texts USING fts5(subject, body, kind UNINDEXED,"
                                       " tokenize = 'unicode61 remove_diacritics 2')")))
            qFatal("%s", qPrintable(query.lastError().text()));
        qint64 row = 0;
        for (const auto& text : texts) {
            query.prepare(QStringLiteral("INSERT INTO texts (rowid, subject, body, kind) VALUES (?, ?, ?, 'public')"));
            query.addBindValue(SearchIndex::textRowId(text.ticketId, ++row));
            query.addBindValue(text.subject);
            query.addBindValue(text.body);
            if (!query.exec())
                qFatal("%s", qPrintable(query.lastError().text()));
        }
        query.prepare(QStringLiteral("SELECT rowid >> 32, ccr_hits(texts, ?) FROM texts WHERE texts MATCH ?"
                                     " ORDER BY rowid DESC"));
        query.addBindValue(SearchRanking::kSubjectWeight);
        query.addBindValue(SearchIndex::toMatchExpression(words));
        if (!query.exec())
            qFatal("%s", qPrintable(query.lastError().text()));
        QList<std::pair<qint64, SearchHitCounts::Hits>> hits;
        while (query.next())
            hits.append({query.value(0).toLongLong(), SearchHitCounts::decode(query.value(1).toByteArray())});
        return hits;
    }

    QList<qint64> ranked(const QString& words, const QList<Text>& texts)
    {
        SearchRanking ranking;
        for (const auto& [ticketId, hits] : hitsFor(words, texts))
            ranking.add(ticketId, hits);
        return ranking.ranked();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ranking"));
        m_db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(m_db.open());
        QVERIFY(SearchHitCounts::install(m_db));
    }

    void wordsAreFoldedLikeTheIndex()
    {
        QCOMPARE(SearchRanking::tokens(QStringLiteral("Réfund, RETURN-label! naïve")),
                 (QStringList{QStringLiteral("refund"), QStringLiteral("return"), QStringLiteral("label"),
                              QStringLiteral("naive")}));
    }

    void hitsAreCountedPerPhraseAndColumn()
    {
        const auto hits = hitsFor(QStringLiteral("card char"),
                                  {{4, QStringLiteral("Card problem"), QStringLiteral("card charged twice, charger")}});
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.at(0).first, 4);
        // 2 subject tokens weigh 10 each, 4 body tokens 1 each.
        QCOMPARE(hits.at(0).second.weightedLength, 24.0);
        // "card": once in the subject, once in the body; "char*": "charged" and "charger".
        QCOMPARE(hits.at(0).second.weightedCounts, (QList<double>{11.0, 2.0}));
    }

    void theWordsOfAnExpandedPrefixCountAsOne()
    {
        QSqlQuery query(m_db);
        QVERIFY(query.exec(QStringLiteral("DROP TABLE IF EXISTS texts")));
        QVERIFY(query.exec(QStringLiteral("CREATE VIRTUAL TABLE texts USING fts5(subject, body)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO texts VALUES ('charger', 'card charged, card charges')")));
        // "card" AND (three words "char" stands for): phrases 1 to 3 are one count.
        query.prepare(QStringLiteral("SELECT ccr_hits(texts, 10.0, 1) FROM texts WHERE texts MATCH ?"));
        query.addBindValue(QStringLiteral("\"card\" AND (\"charged\" OR \"charger\" OR \"charges\")"));
        QVERIFY(query.exec() && query.next());
        QCOMPARE(SearchHitCounts::decode(query.value(0).toByteArray()).weightedCounts, (QList<double>{2.0, 12.0}));
    }

    void aBlobNotMadeByTheFunctionGivesNoCounts()
    {
        QVERIFY(SearchHitCounts::decode(QByteArray("abc")).weightedCounts.isEmpty());
        QCOMPARE(SearchHitCounts::decode({}).weightedLength, 0.0);
    }

    void aSubjectHitBeatsBodyHits()
    {
        QCOMPARE(ranked(QStringLiteral("refund"),
                        {{1, QStringLiteral("Question"), QStringLiteral("my refund and another refund, refund please")},
                         {2, QStringLiteral("Refund missing"), QStringLiteral("nothing came back")}}),
                 (QList<qint64>{2, 1}));
    }

    void moreHitsRankHigherButSaturate()
    {
        const QString filler = QStringLiteral(" word").repeated(20);
        QCOMPARE(
            ranked(QStringLiteral("kettle"), {{1, QStringLiteral("a"), QStringLiteral("kettle") + filler},
                                              {2, QStringLiteral("b"), QStringLiteral("kettle kettle kettle") + filler},
                                              {3, QStringLiteral("c"), QStringLiteral("kettle kettle") + filler}}),
            (QList<qint64>{2, 3, 1}));
    }

    void theLastWordIsAPrefixAndEveryWordCounts()
    {
        // Two hits of each word beat three of one and one of the other (hits saturate).
        QCOMPARE(
            ranked(QStringLiteral("card char"), {{1, QStringLiteral("x"), QStringLiteral("card charged twice")},
                                                 {2, QStringLiteral("x"), QStringLiteral("card card card char")},
                                                 {3, QStringLiteral("x"), QStringLiteral("card charger charge card")}}),
            (QList<qint64>{3, 2, 1}));
    }

    void aTicketRanksByItsBestTextAndTiesGoToTheNewer()
    {
        QCOMPARE(ranked(QStringLiteral("parcel"), {{7, QString(), QStringLiteral("the parcel")},
                                                   {5, QStringLiteral("Parcel lost"), QString()},
                                                   {7, QStringLiteral("Parcel lost"), QString()},
                                                   {6, QString(), QStringLiteral("a parcel among many other words")}}),
                 (QList<qint64>{7, 5, 6}));
    }
};

QTEST_GUILESS_MAIN(TestSearchRanking)
#include "TestSearchRanking.moc"
