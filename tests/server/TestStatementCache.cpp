#include "store/Database.h"
#include "store/SqlStatement.h"
#include "store/StatementCache.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ccr::server;

/** Prepared statements are kept per SQL text and stay usable whatever their last use did. */
class TestStatementCache final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_dir.filePath(QStringLiteral("cache-%1.db").arg(++m_counter))));
        SqlStatement create(*m_db);
        QVERIFY(
            create.exec(QStringLiteral("CREATE TABLE scratch (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL)")));
    }

    void cleanup() { m_db.reset(); }

    void aTextIsPreparedOnce()
    {
        const int before = m_db->statements().size();
        for (int i = 0; i < 5; ++i) {
            SqlStatement insert(*m_db);
            QVERIFY(
                insert.exec(QStringLiteral("INSERT INTO scratch (name) VALUES (?)"), {QStringLiteral("n%1").arg(i)}));
            QCOMPARE(insert.lastInsertId().toLongLong(), i + 1);
            QCOMPARE(insert.numRowsAffected(), 1);
        }
        QCOMPARE(m_db->statements().size(), before + 1);
        QCOMPARE(count(), 5);
    }

    void aFailedRunDoesNotSpoilTheStatement()
    {
        const QString sql = QStringLiteral("INSERT INTO scratch (name) VALUES (?)");
        {
            SqlStatement first(*m_db);
            QVERIFY(first.exec(sql, {QStringLiteral("same")}));
        }
        const QSqlQuery* cached = nullptr;
        {
            SqlStatement duplicate(*m_db);
            QVERIFY(!duplicate.exec(sql, {QStringLiteral("same")}));
            QVERIFY(duplicate.lastError().isValid());
            cached = &duplicate.query();
        }
        // The very statement that failed runs again.
        SqlStatement next(*m_db);
        QVERIFY(next.exec(sql, {QStringLiteral("other")}));
        QCOMPARE(&next.query(), cached);
        QCOMPARE(count(), 2);
    }

    void theSameTextTwiceAtOnce()
    {
        for (const char* name : {"a", "b", "c"}) {
            SqlStatement insert(*m_db);
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO scratch (name) VALUES (?)"), {QString::fromLatin1(name)}));
        }
        // A nested use of the same text while the outer one is still reading gets its own statement.
        const QString sql = QStringLiteral("SELECT name FROM scratch WHERE id >= ? ORDER BY id");
        SqlStatement outer(*m_db);
        QVERIFY(outer.exec(sql, {1}));
        QStringList pairs;
        while (outer.next()) {
            SqlStatement inner(*m_db);
            QVERIFY(inner.exec(sql, {3}));
            QVERIFY(inner.next());
            pairs.append(outer.value(0).toString() + inner.value(0).toString());
        }
        QCOMPARE(pairs, (QStringList{QStringLiteral("ac"), QStringLiteral("bc"), QStringLiteral("cc")}));
    }

    void aHalfReadStatementIsResetWhenGivenBack()
    {
        for (const char* name : {"a", "b"}) {
            SqlStatement insert(*m_db);
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO scratch (name) VALUES (?)"), {QString::fromLatin1(name)}));
        }
        const QString sql = QStringLiteral("SELECT name FROM scratch ORDER BY id");
        {
            SqlStatement read(*m_db);
            QVERIFY(read.exec(sql));
            QVERIFY(read.next());
        }
        QSqlQuery* cached = m_db->statements().acquire(sql);
        QVERIFY(cached);
        QVERIFY(!cached->isActive());
        m_db->statements().release(sql);
        // An open read would keep the checkpoint from reaching the end of the log.
        QSqlQuery checkpoint(m_db->connection());
        QVERIFY(checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        QVERIFY(checkpoint.next());
        QCOMPARE(checkpoint.value(0).toInt(), 0);
    }

    void endlessTextsStayWithinTheCapacity()
    {
        for (int i = 0; i < StatementCache::kCapacity + 50; ++i) {
            SqlStatement select(*m_db);
            QVERIFY(select.exec(QStringLiteral("SELECT %1").arg(i)));
        }
        QVERIFY(m_db->statements().size() <= StatementCache::kCapacity);
    }

    void aBadTextReportsItsError()
    {
        SqlStatement bad(*m_db);
        QVERIFY(!bad.exec(QStringLiteral("SELECT id FROM nowhere")));
        QVERIFY2(bad.lastError().text().contains(QLatin1String("nowhere")), qPrintable(bad.lastError().text()));
    }

private:
    int count()
    {
        SqlStatement query(*m_db);
        return query.exec(QStringLiteral("SELECT COUNT(*) FROM scratch")) && query.next() ? query.value(0).toInt() : -1;
    }

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<Database> m_db;
};

QTEST_GUILESS_MAIN(TestStatementCache)
#include "TestStatementCache.moc"
