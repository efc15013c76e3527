#include "tls/TlsIdentity.h"

#include <QFile>
#include <QSslCertificateExtension>
#include <QTemporaryDir>
#include <QTest>

using namespace ccr::server;

class TestTlsIdentity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatesOnceAndReloadsTheSameCertificate()
    {
        QTemporaryDir dir;
        auto first = TlsIdentity::load({}, {}, dir.path());
        QVERIFY2(first.ok(), qPrintable(first.error().message));
        QVERIFY(first->generated);
        QVERIFY(!first->certificate.isNull());
        QCOMPARE(first->privateKey.algorithm(), QSsl::Ec);
        QCOMPARE(first->fingerprint().size(), 32 * 3 - 1);

        const auto keyPermissions = QFile::permissions(dir.filePath(QStringLiteral("server.key")));
        QCOMPARE(keyPermissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                                   QFileDevice::WriteOther),
                 QFileDevice::Permissions());

        auto second = TlsIdentity::load({}, {}, dir.path());
        QVERIFY(second.ok());
        QVERIFY(!second->generated);
        QCOMPARE(second->fingerprint(), first->fingerprint());
    }

    void certificateNamesLoopbackAndIsCurrent()
    {
        QTemporaryDir dir;
        auto identity = TlsIdentity::load({}, {}, dir.path());
        QVERIFY(identity.ok());
        const auto names = identity->certificate.subjectAlternativeNames();
        QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(identity->certificate.effectiveDate() <= now);
        QVERIFY(identity->certificate.expiryDate() > now.addYears(5));
    }

    void loadsConfiguredFiles()
    {
        QTemporaryDir generatedDir;
        auto generated = TlsIdentity::load({}, {}, generatedDir.path());
        QVERIFY(generated.ok());
        QTemporaryDir otherDir;
        auto configured = TlsIdentity::load(generatedDir.filePath(QStringLiteral("server.crt")),
                                            generatedDir.filePath(QStringLiteral("server.key")), otherDir.path());
        QVERIFY(configured.ok());
        QVERIFY(!configured->generated);
        QCOMPARE(configured->fingerprint(), generated->fingerprint());
        QVERIFY(!QFile::exists(otherDir.filePath(QStringLiteral("server.crt"))));
    }

    void badConfiguredFilesAreExplained()
    {
        QTemporaryDir dir;
        const auto missing = TlsIdentity::load(QStringLiteral("/nonexistent.crt"), QStringLiteral("/nonexistent.key"),
                                               dir.path());
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QStringLiteral("/nonexistent.crt")));
        const auto half = TlsIdentity::load(QStringLiteral("/x.crt"), {}, dir.path());
        QVERIFY(!half.ok());

        QFile junk(dir.filePath(QStringLiteral("junk.pem")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a certificate");
        junk.close();
        const auto garbage = TlsIdentity::load(junk.fileName(), junk.fileName(), dir.path());
        QVERIFY(!garbage.ok());
    }
};

QTEST_GUILESS_MAIN(TestTlsIdentity)
#include "TestTlsIdentity.moc"
