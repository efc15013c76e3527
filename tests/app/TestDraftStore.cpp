#include "client/DraftStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace ccr;
using app::DraftStore;

namespace {

const QString kHost = QStringLiteral("desk.example.com");
constexpr quint16 kPort = 7443;
constexpr qint64 kMeera = 7;
constexpr qint64 kArun = 8;

QVariantMap newTicket(const QString& subject)
{
    return {
        {QStringLiteral("subject"), subject},
        {QStringLiteral("description"),
         QStringLiteral("The printer says \u201cPC LOAD LETTER\u201d.\nWhat does it mean?")},
        {QStringLiteral("category"), 3},
        {QStringLiteral("priority"), QStringLiteral("high")},
        {QStringLiteral("attachments"),
         QStringList{QStringLiteral("/home/meera/error.png"), QStringLiteral("C:/logs/printer.txt")}},
    };
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDraftStore final : public QObject
{
    Q_OBJECT

private:
    QString m_path;

    void removeFiles()
    {
        QDir dir = QFileInfo(m_path).absoluteDir();
        for (const QString& name : dir.entryList({QStringLiteral("drafts.cbor*")}, QDir::Files))
            QVERIFY(dir.remove(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CustomerCareRegistryTests"));
        QCoreApplication::setApplicationName(QStringLiteral("TestDraftStore"));
        m_path = DraftStore::defaultFilePath();
        QVERIFY(m_path.contains(QStringLiteral("TestDraftStore")));
    }

    void init() { removeFiles(); }

    void cleanupTestCase()
    {
        QDir data(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
        QVERIFY(data.removeRecursively());
        // The organisation's folder too, unless other tests keep files there.
        QDir().rmdir(QFileInfo(data.absolutePath()).absolutePath());
    }

    void saveLoadRemove()
    {
        DraftStore store(kHost, kPort, kMeera);
        QVERIFY(store.keys().isEmpty());
        QVERIFY(store.load(DraftStore::newTicketKey()).isEmpty());

        store.save(DraftStore::newTicketKey(), newTicket(QStringLiteral("Printer jam")));
        store.save(DraftStore::replyKey(42), {{QStringLiteral("body"), QStringLiteral("Still broken.")}});
        QCOMPARE(store.keys(), (QStringList{QStringLiteral("new-ticket"), QStringLiteral("reply/42")}));
        const QVariantMap draft = store.load(DraftStore::newTicketKey());
        QCOMPARE(draft.value(QStringLiteral("subject")).toString(), QStringLiteral("Printer jam"));
        QCOMPARE(draft.value(QStringLiteral("description")), newTicket({}).value(QStringLiteral("description")));
        QCOMPARE(draft.value(QStringLiteral("category")).toInt(), 3);
        QCOMPARE(draft.value(QStringLiteral("attachments")).toStringList(),
                 newTicket({}).value(QStringLiteral("attachments")).toStringList());
        QVERIFY(qAbs(store.savedAt(DraftStore::newTicketKey()).secsTo(QDateTime::currentDateTimeUtc())) < 60);

        // Saving again replaces the whole draft.
        store.save(DraftStore::replyKey(42), {{QStringLiteral("body"), QStringLiteral("Fixed, thanks.")}});
        QCOMPARE(store.load(DraftStore::replyKey(42)).value(QStringLiteral("body")).toString(),
                 QStringLiteral("Fixed, thanks."));

        store.remove(DraftStore::newTicketKey());
        QVERIFY(!store.contains(DraftStore::newTicketKey()));
        QVERIFY(store.load(DraftStore::newTicketKey()).isEmpty());
        store.save(DraftStore::replyKey(42), {});
        QVERIFY(store.keys().isEmpty());
        QVERIFY(store.flush().ok());
        QVERIFY(!store.hasPendingChanges());
        QVERIFY(DraftStore(kHost, kPort, kMeera).keys().isEmpty());
    }

    void survivesARestart()
    {
        {
            DraftStore store(kHost, kPort, kMeera);
            store.save(DraftStore::newTicketKey(), newTicket(QStringLiteral("Printer jam")));
            store.save(DraftStore::replyKey(42), {{QStringLiteral("body"), QStringLiteral("Half a reply")}});
            // No flush(): the destructor writes what is pending.
        }
        QVERIFY(QFileInfo::exists(m_path));
        DraftStore again(kHost, kPort, kMeera);
        QCOMPARE(again.keys(), (QStringList{QStringLiteral("new-ticket"), QStringLiteral("reply/42")}));
        QCOMPARE(again.load(DraftStore::newTicketKey()).value(QStringLiteral("subject")).toString(),
                 QStringLiteral("Printer jam"));
        QCOMPARE(again.load(DraftStore::replyKey(42)).value(QStringLiteral("body")).toString(),
                 QStringLiteral("Half a reply"));
        QVERIFY(again.savedAt(DraftStore::replyKey(42)).isValid());
#ifdef Q_OS_UNIX
        QCOMPARE(QFileInfo(m_path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
#endif
    }

    void writtenSoonAfterTypingWithoutAFlush()
    {
        DraftStore store(kHost, kPort, kMeera);
        store.setFlushDelayMs(50);
        store.save(DraftStore::newTicketKey(), newTicket(QStringLiteral("P")));
        QVERIFY(!QFileInfo::exists(m_path));
        QVERIFY(store.hasPendingChanges());
        QTRY_VERIFY(!store.hasPendingChanges());
        // As if the app crashed now: another store reads what was written.
        QCOMPARE(DraftStore(kHost, kPort, kMeera)
                     .load(DraftStore::newTicketKey())
                     .value(QStringLiteral("subject"))
                     .toString(),
                 QStringLiteral("P"));
    }

    void usersAndServersAreSeparate()
    {
        DraftStore meera(kHost, kPort, kMeera);
        DraftStore arun(kHost, kPort, kArun);
        DraftStore meeraOtherPort(kHost, kPort + 1, kMeera);
        DraftStore meeraOtherHost(QStringLiteral("other.example.com"), kPort, kMeera);
        meera.save(DraftStore::newTicketKey(), newTicket(QStringLiteral("Meera's")));
        QVERIFY(meera.flush().ok());
        // Arun's store was opened before Meera's draft was written and writes after it:
        // his flush must keep her draft.
        QVERIFY(arun.keys().isEmpty());
        arun.save(DraftStore::newTicketKey(), newTicket(QStringLiteral("Arun's")));
        QVERIFY(arun.flush().ok());
        meeraOtherPort.save(DraftStore::replyKey(1), {{QStringLiteral("body"), QStringLiteral("port 7444")}});
        QVERIFY(meeraOtherPort.flush().ok());
        QVERIFY(meeraOtherHost.keys().isEmpty());

        QCOMPARE(DraftStore(kHost, kPort, kMeera)
                     .load(DraftStore::newTicketKey())
                     .value(QStringLiteral("subject"))
                     .toString(),
                 QStringLiteral("Meera's"));
        QCOMPARE(DraftStore(kHost, kPort, kArun)
                     .load(DraftStore::newTicketKey())
                     .value(QStringLiteral("subject"))
                     .toString(),
                 QStringLiteral("Arun's"));
        QCOMPARE(DraftStore(kHost, kPort, kMeera).keys(), QStringList{QStringLiteral("new-ticket")});
        QCOMPARE(DraftStore(kHost, kPort + 1, kMeera).keys(), QStringList{QStringLiteral("reply/1")});
        QVERIFY(DraftStore(QStringLiteral("other.example.com"), kPort, kMeera).keys().isEmpty());
        QVERIFY(DraftStore(kHost, kPort, 99).keys().isEmpty());
        // The host is case-insensitive.
        QCOMPARE(DraftStore(QStringLiteral("DESK.example.com"), kPort, kArun).keys(),
                 QStringList{QStringLiteral("new-ticket")});

        // Removing in one store leaves the others' drafts on disk.
        arun.remove(DraftStore::newTicketKey());
        QVERIFY(arun.flush().ok());
        QCOMPARE(DraftStore(kHost, kPort, kMeera).keys(), QStringList{QStringLiteral("new-ticket")});
        QVERIFY(DraftStore(kHost, kPort, kArun).keys().isEmpty());
    }

    void corruptFileIsSetAside_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("garbage") << QByteArray("\xff\x00 not CBOR at all \x9f", 21);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not a map") << QCborValue(QStringLiteral("drafts")).toCbor();
        QCborMap wrongVersion;
        wrongVersion.insert(QStringLiteral("format"), QStringLiteral("ccr-drafts"));
        wrongVersion.insert(QStringLiteral("version"), 99);
        wrongVersion.insert(QStringLiteral("scopes"), QCborMap());
        QTest::newRow("unknown version") << wrongVersion.toCborValue().toCbor();
    }

    void corruptFileIsSetAside()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
        QVERIFY(writeFile(m_path, bytes));
        {
            DraftStore store(kHost, kPort, kMeera);
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not be decoded")));
            QVERIFY(store.keys().isEmpty());
            QCOMPARE(readFile(m_path + QStringLiteral(".corrupt")), bytes);
            QVERIFY(!QFileInfo::exists(m_path));
            store.save(DraftStore::newTicketKey(), newTicket(QStringLiteral("After the damage")));
            QVERIFY(store.flush().ok());
        }
        QCOMPARE(DraftStore(kHost, kPort, kMeera)
                     .load(DraftStore::newTicketKey())
                     .value(QStringLiteral("subject"))
                     .toString(),
                 QStringLiteral("After the damage"));

        // A second bad file never replaces the first one set aside.
        QVERIFY(writeFile(m_path, "second bad file"));
        DraftStore store(kHost, kPort, kMeera);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not be decoded")));
        QVERIFY(store.keys().isEmpty());
        QCOMPARE(readFile(m_path + QStringLiteral(".corrupt")), bytes);
        QCOMPARE(readFile(m_path + QStringLiteral(".corrupt.1")), QByteArray("second bad file"));
    }

    void unwritableLocationIsReportedAndNothingIsLost()
    {
        // A regular file where the folder should be: the folder cannot be created.
        QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
        const QString blocker = QFileInfo(m_path).absolutePath() + QStringLiteral("/drafts.cbor.blocker");
        QVERIFY(writeFile(blocker, "x"));
        const QString path = blocker + QStringLiteral("/drafts.cbor");
        DraftStore store(path, kHost, kPort, kMeera);
        QSignalSpy failed(&store, &DraftStore::writeFailed);
        store.save(DraftStore::newTicketKey(), newTicket(QStringLiteral("Keep me")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("drafts not written")));
        const auto flushed = store.flush();
        QVERIFY(!flushed.ok());
        QCOMPARE(flushed.error().code, common::ErrorCode::Unavailable);
        QVERIFY(!flushed.error().message.isEmpty());
        QCOMPARE(failed.count(), 1);
        QVERIFY(store.hasPendingChanges());
        QCOMPARE(store.load(DraftStore::newTicketKey()).value(QStringLiteral("subject")).toString(),
                 QStringLiteral("Keep me"));
        // Once the way is clear, the next flush writes it.
        QVERIFY(QFile::remove(blocker));
        QVERIFY(store.flush().ok());
        QCOMPARE(DraftStore(path, kHost, kPort, kMeera)
                     .load(DraftStore::newTicketKey())
                     .value(QStringLiteral("subject"))
                     .toString(),
                 QStringLiteral("Keep me"));
        QVERIFY(QDir(blocker).removeRecursively());
    }
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "TestDraftStore.moc"
