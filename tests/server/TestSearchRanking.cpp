#include "store/SearchHitCounts.h"
#include "store/SearchIndex.h"
#include "store/SearchRanking.h"
#include "store/TextSizeCache.h"

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

    void phrasesRepeatedUnderAnotherKeyCountAsTheSame()
    {
        QSqlQuery query(m_db);
        QVERIFY(query.exec(QStringLiteral("DROP TABLE IF EXISTS texts")));
        QVERIFY(query.exec(QStringLiteral("CREATE VIRTUAL TABLE texts USING fts5(subject, body)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO texts VALUES ('uzcharger', 'uzcard uzcharged uzcard')")));
        // Two alternatives of "card" AND ("charged" OR "charger"), the agent's and the
        // unassigned words: phrases 3 to 5 are phrases 0 to 2 again, 1 and 2 one count.
        query.prepare(QStringLiteral("SELECT ccr_hits(texts, 10.0, 1, 3) FROM texts WHERE texts MATCH ?"));
        query.addBindValue(QStringLiteral("(\"a2zcard\" AND (\"a2zcharged\" OR \"a2zcharger\")) OR"
                                          " (\"uzcard\" AND (\"uzcharged\" OR \"uzcharger\"))"));
        QVERIFY(query.exec() && query.next());
        const auto hits = SearchHitCounts::decode(query.value(0).toByteArray());
        QCOMPARE(hits.weightedLength, 13.0);
        QCOMPARE(hits.weightedCounts, (QList<double>{2.0, 11.0}));
    }

    void sizesAreKeptPerTableOnlyWhenAsked()
    {
        TextSizeCache sizes;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("sizes"));
        db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(db.open());
        QVERIFY(SearchHitCounts::install(db, &sizes));
        {
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("CREATE VIRTUAL TABLE texts USING fts5(subject, body)")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO texts (rowid, subject, body) VALUES"
                                              " (5, 'card', 'card charged twice'), (9, 'lid', 'card lid')")));
            const auto lengths = [&query](const QString& call) {
                QList<double> found;
                if (!query.exec(QStringLiteral("SELECT ") + call +
                                QStringLiteral(" FROM texts WHERE texts MATCH 'card' ORDER BY rowid")))
                    qFatal("%s", qPrintable(query.lastError().text()));
                while (query.next())
                    found.append(SearchHitCounts::decode(query.value(0).toByteArray()).weightedLength);
                return found;
            };
            const QList<double> expected{13.0, 12.0};
            QCOMPARE(lengths(QStringLiteral("ccr_hits(texts, 10.0, 1, 1)")), expected);
            QCOMPARE(sizes.size(), 0); // no table number: nothing kept
            QCOMPARE(lengths(QStringLiteral("ccr_hits(texts, 10.0, 1, 1, 3)")), expected);
            QCOMPARE(sizes.size(), 2);
            QCOMPARE(sizes.find(3, 9)->body, 2);
            QVERIFY(!sizes.find(4, 9));
            // Read from the cache, as the same again.
            QCOMPARE(lengths(QStringLiteral("ccr_hits(texts, 10.0, 1, 1, 3)")), expected);
            sizes.remember(3, 5, {0, 40});
            QCOMPARE(lengths(QStringLiteral("ccr_hits(texts, 10.0, 1, 1, 3)")), (QList<double>{40.0, 12.0}));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("sizes"));

        sizes.clear();
        for (qint64 row = 0; row < TextSizeCache::kEntries; ++row)
            sizes.remember(1, row, {1, 1});
        QCOMPARE(sizes.size(), TextSizeCache::kEntries);
        sizes.remember(1, -1, {1, 1}); // full: starts over rather than growing
        QCOMPARE(sizes.size(), 1);
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
