#include "SqliteBaseline.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace ccr::bench::SqliteBaseline {

double insertTransactionsPerSecond(const QString& durability, double seconds)
{
    QTemporaryDir dir;
    qint64 done = 0;
    double elapsed = 0;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("baseline"));
        db.setDatabaseName(dir.filePath(QStringLiteral("baseline.sqlite3")));
        if (!db.open())
            return 0;
        QSqlQuery query(db);
        query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        query.exec(QStringLiteral("PRAGMA synchronous=") + durability.toUpper());
        query.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO t (body) VALUES (?)"));
        const QString body(500, QLatin1Char('x'));
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < seconds * 1000) {
            db.transaction();
            insert.bindValue(0, body);
            insert.exec();
            db.commit();
            ++done;
        }
        elapsed = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        insert.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("baseline"));
    return static_cast<double>(done) / elapsed;
}

} // namespace ccr::bench::SqliteBaseline
