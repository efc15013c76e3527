#include "store/Database.h"
#include "store/Migrations.h"
#include "store/SearchFile.h"
#include "store/SearchIndex.h"
#include "store/SearchIndexWriter.h"
#include "store/TicketScope.h"
#include "store/TicketStore.h"
#include "store/UserStore.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace ccr::server;

namespace {

/** Builds a database exactly as an older server left it, with data in it. */
void makeSchemaOneFixture(const QString& path)
{
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
    db.setDatabaseName(path);
    if (!db.open() || !Migrations::apply(db, 1))
        qFatal("cannot build the schema 1 fixture");
    QSqlQuery insert(db);
    if (!insert.exec(QStringLiteral(
            "INSERT INTO users (email, display_name, role, state, password_hash, locale, created_at)"
            " VALUES ('old@example.com', 'Old Timer', 'admin', 'active', 'scrypt$10$8$1$x$y', 'ta', 1700000000000)")) ||
        !insert.exec(QStringLiteral("INSERT INTO sessions (user_id, token_hash, created_at, expires_at)"
                                    " VALUES (1, x'00', 1700000000000, 4000000000000)")))
        qFatal("cannot fill the schema 1 fixture");
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("fixture"));
}

} // namespace

class TestMigrations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upgradesSchemaOneKeepingItsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite3"));
        makeSchemaOneFixture(path);

        Database db;
        const auto opened = db.open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QCOMPARE(db.schemaVersion(), Migrations::kSchemaVersion);
        const auto user = UserStore(db).findByEmail(QStringLiteral("old@example.com"));
        QVERIFY(user.has_value());
        QCOMPARE(user->displayName, QStringLiteral("Old Timer"));
        QCOMPARE(user->locale, QStringLiteral("ta"));

        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM sessions")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM categories WHERE active = 1")) && query.next());
        QCOMPARE(query.value(0).toInt(), 5);
        for (const auto& table :
             {"tickets", "ticket_messages", "ticket_events", "attachments", "ticket_search", "customer_search",
              "search_queue", "outbox", "notification_optouts", "password_resets"}) {
            QVERIFY2(query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table)), table);
        }
    }

    void schemaFiveGivesSearchOwnersAndKeepsTallies()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("four.sqlite3"));
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("four"));
            db.setDatabaseName(path);
            QVERIFY(db.open() && Migrations::apply(db, 4).ok());
            QSqlQuery insert(db);
            for (const char* sql : {
                     "INSERT INTO users (email, display_name, role, state, password_hash, created_at) VALUES"
                     " ('c@example.com', 'C', 'customer', 'active', 'x', 1), ('a@example.com', 'A', 'agent', 'active',"
                     " 'x', 1)",
                     "INSERT INTO tickets (customer_id, agent_id, category_id, priority, status, subject, description,"
                     " created_at, updated_at) VALUES (1, 2, 3, 2, 1, 'Kettle', 'leaks', 1, 1),"
                     " (1, NULL, 3, 0, 0, 'Toaster', 'burns', 2, 2)",
                     "UPDATE tickets SET deleted_at = 5 WHERE id = 2",
                     "INSERT INTO ticket_search (subject, body, ticket_id, kind) VALUES ('Kettle', 'leaks', 1,"
                     " 'ticket'), ('', 'descaled it', 1, 'public'), ('', 'warranty void', 1, 'internal')",
                 })
                QVERIFY2(insert.exec(QLatin1String(sql)), sql);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("four"));

        // Up to schema 8 only: schema 9 moved the search tables into a file of their own.
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("eight"));
        db.setDatabaseName(path);
        QVERIFY(db.open() && Migrations::apply(db, 8).ok());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT kind, owner FROM ticket_search ORDER BY rowid")));
        QStringList owners;
        while (query.next())
            owners << query.value(0).toString() + QLatin1Char('=') + query.value(1).toString();
        QCOMPARE(owners,
                 (QStringList{QStringLiteral("ticket=c1"), QStringLiteral("public=c1"), QStringLiteral("internal=")}));

        // The deleted ticket is not counted; the live one is, once per dimension.
        QVERIFY(query.exec(QStringLiteral("SELECT dimension || ':' || key || '=' || count FROM ticket_tallies"
                                          " WHERE count > 0 ORDER BY 1")));
        QStringList tallies;
        while (query.next())
            tallies << query.value(0).toString();
        QCOMPARE(tallies, (QStringList{QStringLiteral("agent:2=1"), QStringLiteral("category:3=1"),
                                       QStringLiteral("priority:2=1"), QStringLiteral("status:1=1")}));
        query = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("eight"));
    }

    void schemaSixAddsRatingsWithoutTouchingTallies()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("five.sqlite3"));
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("five"));
            db.setDatabaseName(path);
            QVERIFY(db.open() && Migrations::apply(db, 5).ok());
            QSqlQuery insert(db);
            for (const char* sql : {
                     "INSERT INTO users (email, display_name, role, state, password_hash, created_at) VALUES"
                     " ('c@example.com', 'C', 'customer', 'active', 'x', 1)",
                     "INSERT INTO tickets (customer_id, category_id, priority, status, subject, description,"
                     " resolution, created_at, updated_at, resolved_at) VALUES (1, 2, 1, 4, 'Kettle', 'leaks',"
                     " 'Refunded', 1, 3, 3)",
                 })
                QVERIFY2(insert.exec(QLatin1String(sql)), sql);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("five"));

        Database db;
        QVERIFY(db.open(path).ok());
        QCOMPARE(db.schemaVersion(), Migrations::kSchemaVersion);
        TicketStore tickets(db);
        auto ticket = tickets.find(1);
        QVERIFY(ticket.has_value());
        QCOMPARE(ticket->subject, QStringLiteral("Kettle"));
        QCOMPARE(ticket->resolution, QStringLiteral("Refunded"));
        QCOMPARE(ticket->rating, 0);
        QVERIFY(ticket->ratingComment.isEmpty());
        QVERIFY(!ticket->ratedAt.isValid());

        // A rating is written by save() and read back by the shared SELECT.
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(1'790'000'000'123, QTimeZone::utc());
        ticket->rating = 4;
        ticket->ratingComment = QStringLiteral("Danke — schnell");
        ticket->ratedAt = at;
        QVERIFY(tickets.save(*ticket, at).ok());
        const auto rated = tickets.find(1);
        QCOMPARE(rated->rating, 4);
        QCOMPARE(rated->ratingComment, QStringLiteral("Danke — schnell"));
        QCOMPARE(rated->ratedAt, at);
        QCOMPARE(rated->version, ticket->version + 1);

        // The tally triggers still count the ticket once per dimension, and the column refuses nonsense.
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT dimension || ':' || key || '=' || count FROM ticket_tallies"
                                          " WHERE count > 0 ORDER BY 1")));
        QStringList tallies;
        while (query.next())
            tallies << query.value(0).toString();
        QCOMPARE(tallies, (QStringList{QStringLiteral("agent:0=1"), QStringLiteral("category:2=1"),
                                       QStringLiteral("priority:1=1"), QStringLiteral("status:4=1")}));
        QVERIFY(!query.exec(QStringLiteral("UPDATE tickets SET rating = 6 WHERE id = 1")));
    }

    void schemaSevenIndexesEachCustomersOwnWords()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("six.sqlite3"));
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("six"));
            db.setDatabaseName(path);
            QVERIFY(db.open() && Migrations::apply(db, 6).ok());
            QSqlQuery insert(db);
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO users (id, email, display_name, role, state, password_hash,"
                                               " created_at) VALUES (1, 'one@example.com', 'One', 'customer', 'active',"
                                               " 'x', 1), (11, 'eleven@example.com', 'Eleven', 'customer', 'active',"
                                               " 'x', 1)")));
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO tickets (id, customer_id, category_id, priority, status,"
                                               " subject, description, created_at, updated_at) VALUES"
                                               " (1, 1, 2, 1, 0, 'Kettle', 'leaks', 1, 1),"
                                               " (2, 11, 2, 1, 0, 'Kettle', 'leaks too', 2, 2)")));
            QVERIFY(insert.exec(QStringLiteral(
                "INSERT INTO ticket_search (subject, body, owner, ticket_id, kind) VALUES"
                " ('Kettle', 'leaks', 'c1', 1, 'ticket'), ('', 'descaled_it', 'c1', 1, 'public'),"
                " ('', 'warranty void', '', 1, 'internal'), ('Kettle', 'leaks too', 'c11', 2, 'ticket')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("six"));

        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("seven"));
            db.setDatabaseName(path);
            QVERIFY(db.open() && Migrations::apply(db, 7).ok());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM customer_search")) && query.next());
            QCOMPARE(query.value(0).toInt(), 3); // not the internal note
            const auto tickets = [&query](const QString& match) {
                QList<qint64> ids;
                if (!query.exec(
                        QStringLiteral("SELECT rowid >> 32 FROM customer_search WHERE customer_search MATCH '") +
                        match + QStringLiteral("' ORDER BY rowid")))
                    return QList<qint64>{-1};
                while (query.next())
                    ids << query.value(0).toLongLong();
                return ids;
            };
            QCOMPARE(tickets(QStringLiteral("c1zkettle")), (QList<qint64>{1}));
            QCOMPARE(tickets(QStringLiteral("c11zkettle")), (QList<qint64>{2}));
            QCOMPARE(tickets(QStringLiteral("c1zdescal*")), (QList<qint64>{1}));
            QCOMPARE(tickets(QStringLiteral("c1zdescaled c1zit")), (QList<qint64>{1}));
            QCOMPARE(tickets(QStringLiteral("c1zwarranty")), (QList<qint64>{}));
            QCOMPARE(tickets(QStringLiteral("c1ztoo")), (QList<qint64>{}));
            QCOMPARE(tickets(QStringLiteral("c11ztoo")), (QList<qint64>{2}));
            query = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("seven"));
    }

    void schemaNineMovesSearchToItsOwnFileAndRebuildsIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("eight.sqlite3"));
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("eight"));
            db.setDatabaseName(path);
            QVERIFY(db.open() && Migrations::apply(db, 8).ok());
            QSqlQuery insert(db);
            for (const char* sql : {
                     "INSERT INTO users (id, email, display_name, role, state, password_hash, created_at) VALUES"
                     " (1, 'one@example.com', 'One', 'customer', 'active', 'x', 1),"
                     " (11, 'eleven@example.com', 'Eleven', 'customer', 'active', 'x', 1)",
                     "INSERT INTO tickets (id, customer_id, category_id, priority, status, subject, description,"
                     " created_at, updated_at) VALUES (1, 1, 2, 1, 0, 'Kettle', 'leaks', 1, 1),"
                     " (2, 11, 2, 1, 0, 'Kettle', 'leaks too', 2, 2)",
                     "INSERT INTO ticket_messages (ticket_id, kind, author_id, body, created_at) VALUES"
                     " (1, 'public', 1, 'descaled_it', 3), (1, 'internal', 1, 'warranty void', 4),"
                     " (1, 'system', 1, 'status changed', 5)",
                     // A text an old server had queued: it is in the tables as well.
                     "INSERT INTO search_backlog (subject, body, owner, customer_id, ticket_id, kind) VALUES"
                     " ('', 'descaled_it', 'c1', 1, 1, 'public')",
                 })
                QVERIFY2(insert.exec(QLatin1String(sql)), sql);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("eight"));

        Database db;
        QVERIFY(db.open(path).ok());
        QCOMPARE(db.schemaVersion(), Migrations::kSchemaVersion);
        QSqlQuery query(db.connection());
        for (const char* table : {"ticket_search", "customer_search", "search_backlog"}) {
            QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM main.sqlite_master WHERE name = '") +
                               QLatin1String(table) + QLatin1Char('\'')) &&
                    query.next());
            QVERIFY2(query.value(0).toInt() == 0, table);
        }
        QVERIFY(QFile::exists(SearchFile::pathFor(path)));
        {
            Database index;
            QVERIFY(index.openSearchIndex(path).ok());
            SearchIndexWriter writer(index);
            QVERIFY(!writer.fitsTheQueue().value()); // a new file: the indexer rebuilds it first
            QVERIFY(writer.rebuild().ok());
        }
        TicketScope one;
        one.customerId = 1;
        TicketScope eleven;
        eleven.customerId = 11;
        const SearchIndex search(db);
        QCOMPARE(search.search(QStringLiteral("kettle"), one, false, 10, 0)->ticketIds, (QList<qint64>{1}));
        QCOMPARE(search.search(QStringLiteral("kettle"), eleven, false, 10, 0)->ticketIds, (QList<qint64>{2}));
        QCOMPARE(search.search(QStringLiteral("descal"), one, false, 10, 0)->total, 1);
        QCOMPARE(search.search(QStringLiteral("descaled it"), one, false, 10, 0)->total, 1);
        QCOMPARE(search.search(QStringLiteral("warranty"), one, false, 10, 0)->total, 0);
        QCOMPARE(search.search(QStringLiteral("warranty"), TicketScope{}, true, 10, 0)->total, 1);
        QCOMPARE(search.search(QStringLiteral("warranty"), TicketScope{}, false, 10, 0)->total, 0);
        QCOMPARE(search.search(QStringLiteral("status"), TicketScope{}, true, 10, 0)->total, 0);
        QCOMPARE(search.search(QStringLiteral("too"), one, false, 10, 0)->total, 0);
        QCOMPARE(search.search(QStringLiteral("too"), eleven, false, 10, 0)->total, 1);
    }

    void schemaEightTalliesFollowEveryChange()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("seven.sqlite3"));
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("seven"));
            db.setDatabaseName(path);
            QVERIFY(db.open() && Migrations::apply(db, 7).ok());
            QSqlQuery insert(db);
            QVERIFY(
                insert.exec(QStringLiteral("INSERT INTO users (email, display_name, role, state, password_hash,"
                                           " created_at) VALUES ('c@example.com', 'C', 'customer', 'active', 'x', 1),"
                                           " ('a@example.com', 'A', 'agent', 'active', 'x', 1)")));
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO tickets (customer_id, category_id, priority, status,"
                                               " subject, description, created_at, updated_at) VALUES"
                                               " (1, 2, 1, 0, 'Kettle', 'leaks', 1, 1)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("seven"));

        Database db;
        QVERIFY(db.open(path).ok());
        QSqlQuery sql(db.connection());
        const auto talliesMatchTheTickets = [&sql] {
            const QString kept = QStringLiteral("SELECT dimension, key, count FROM ticket_tallies WHERE count <> 0");
            const QString counted = QStringLiteral(
                "SELECT 'status', status, COUNT(*) FROM tickets WHERE deleted_at IS NULL GROUP BY status"
                " UNION ALL SELECT 'priority', priority, COUNT(*) FROM tickets WHERE deleted_at IS NULL GROUP BY "
                "priority"
                " UNION ALL SELECT 'category', category_id, COUNT(*) FROM tickets WHERE deleted_at IS NULL"
                " GROUP BY category_id UNION ALL SELECT 'agent', COALESCE(agent_id, 0), COUNT(*) FROM tickets"
                " WHERE deleted_at IS NULL GROUP BY COALESCE(agent_id, 0)");
            if (!sql.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM (SELECT * FROM (%1) EXCEPT SELECT * FROM (%2)))"
                                         " + (SELECT COUNT(*) FROM (SELECT * FROM (%2) EXCEPT SELECT * FROM (%1)))")
                              .arg(kept, counted)) ||
                !sql.next())
                return false;
            return sql.value(0).toInt() == 0;
        };
        QVERIFY(talliesMatchTheTickets());
        for (const char* change : {
                 "INSERT INTO tickets (customer_id, category_id, priority, status, subject, description, created_at,"
                 " updated_at) VALUES (1, 3, 2, 0, 'Toaster', 'burns', 2, 2), (1, 2, 1, 0, 'Fan', 'loud', 3, 3)",
                 "UPDATE tickets SET agent_id = 2, status = 1 WHERE id = 1",
                 "UPDATE tickets SET updated_at = 9, version = version + 1 WHERE id = 2",
                 "UPDATE tickets SET priority = 3, category_id = 3 WHERE id = 3",
                 "UPDATE tickets SET deleted_at = 5 WHERE id = 2",
                 "UPDATE tickets SET deleted_at = 6 WHERE id = 2",
                 "UPDATE tickets SET status = 4 WHERE id = 2",
                 "UPDATE tickets SET deleted_at = NULL WHERE id = 2",
                 "UPDATE tickets SET agent_id = NULL WHERE id = 1",
                 "DELETE FROM tickets WHERE id = 3",
             }) {
            QVERIFY2(sql.exec(QLatin1String(change)), change);
            QVERIFY2(talliesMatchTheTickets(), change);
        }
    }

    void everyStepIsRepeatableFromEachOlderVersion()
    {
        for (int from = 0; from < Migrations::kSchemaVersion; ++from) {
            QTemporaryDir dir;
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("step"));
            db.setDatabaseName(dir.filePath(QStringLiteral("s.sqlite3")));
            QVERIFY(db.open());
            QVERIFY(Migrations::apply(db, from).ok());
            QCOMPARE(Migrations::currentVersion(db), from);
            QVERIFY(Migrations::apply(db).ok());
            QCOMPARE(Migrations::currentVersion(db), Migrations::kSchemaVersion);
            QVERIFY(Migrations::apply(db).ok()); // nothing left to do, nothing breaks
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("step"));
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
