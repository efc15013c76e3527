#include "TestClient.h"
#include "TestServer.h"
#include "common/Protocol.h"

#include <QSignalSpy>
#include <QTest>

using namespace ccr;
using namespace ccr::tests;
using app::ConnectionState;

class TestCertificatePinning final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstContactAsksThenPinsOnTrust()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient client(server.port(), QString());
        QSignalSpy untrusted(&client.api(), &app::ApiClient::certificateUntrusted);
        QVERIFY(untrusted.wait(10000));
        QCOMPARE(untrusted.constFirst().at(2).toString(), server.fingerprint());
        QVERIFY(client.waitForState(ConnectionState::Offline));
        QVERIFY(!client.call(common::Protocol::Method::Hello).ok());

        client.api().trustAndReconnect(server.fingerprint());
        QVERIFY(client.waitConnected());
        QCOMPARE(client.trustStore().pinnedFingerprint(QStringLiteral("127.0.0.1"), server.port()),
                 server.fingerprint());
    }

    void changedCertificateIsRefused()
    {
        TestServer original;
        QVERIFY(original.start());
        const quint16 port = original.port();
        TestClient client(port, original.fingerprint());
        QVERIFY(client.waitConnected());
        QSignalSpy changed(&client.api(), &app::ApiClient::certificateChanged);
        QSignalSpy untrusted(&client.api(), &app::ApiClient::certificateUntrusted);
        const QString trusted = original.fingerprint();
        original.stop();

        // A different server (new data directory, new certificate) appears on the same port.
        auto config = TestServer::defaultConfig();
        config.port = port;
        server::Server impostor([&] {
            config.dataDir = QDir::temp().filePath(QStringLiteral("ccr-impostor-%1").arg(QCoreApplication::applicationPid()));
            return config;
        }());
        QVERIFY(impostor.start().ok());
        QVERIFY(impostor.identity().fingerprint() != trusted);

        QVERIFY(changed.wait(15000));
        QCOMPARE(changed.constFirst().at(2).toString(), trusted);
        QCOMPARE(changed.constFirst().at(3).toString(), impostor.identity().fingerprint());
        QCOMPARE(untrusted.count(), 0);
        QVERIFY(client.waitForState(ConnectionState::Offline));
        // The pin is kept: the user must decide, nothing is silently re-trusted.
        QCOMPARE(client.trustStore().pinnedFingerprint(QStringLiteral("127.0.0.1"), port), trusted);
        QCOMPARE(client.call(common::Protocol::Method::Hello).error().code, common::ErrorCode::NotConnected);
        impostor.stop();
        QDir(config.dataDir).removeRecursively();
    }
};

QTEST_GUILESS_MAIN(TestCertificatePinning)
#include "TestCertificatePinning.moc"
