#include "TestClient.h"
#include "TestServer.h"
#include "common/Envelope.h"
#include "common/FrameDecoder.h"
#include "common/Framing.h"
#include "common/Protocol.h"
#include "common/messages/HelloParams.h"
#include "common/messages/SignInParams.h"
#include "common/tickets/CreateTicketParams.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

using namespace ccr;
using namespace ccr::tests;
using common::ErrorCode;
namespace Method = common::Protocol::Method;

namespace {

/** A bare TLS connection that sends whatever bytes a test wants, as a hostile client would. */
class RawConnection
{
public:
    explicit RawConnection(quint16 port)
    {
        QObject::connect(&m_socket, &QSslSocket::sslErrors, &m_socket, [this] { m_socket.ignoreSslErrors(); });
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    }
    // Never the blocking waitFor*(): the server runs on this thread's event loop.
    bool waitEncrypted()
    {
        return QTest::qWaitFor([this] { return m_socket.isEncrypted(); }, 10000);
    }
    void sendBytes(const QByteArray& bytes) { m_socket.write(bytes); }
    void send(const QCborMap& map) { sendBytes(common::Framing::encode(map)); }
    void request(quint64 id, const QString& method, const QCborMap& params = {})
    {
        send(common::RequestEnvelope{id, method, params}.toCbor());
    }
    void hello(int major = common::Protocol::kMajorVersion)
    {
        request(1, Method::Hello, common::HelloParams{major, 0, QStringLiteral("raw")}.toCbor());
    }

    /** The next reply from the server, or nullopt if none came. */
    std::optional<common::ReplyEnvelope> nextReply(int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            auto frame = m_decoder.next();
            if (frame.ok() && frame.value()) {
                auto reply = common::ReplyEnvelope::fromCbor(*frame.value());
                if (reply.ok())
                    return reply.value();
                continue;
            }
            if (m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0)
                return std::nullopt;
            QTest::qWait(5);
            m_decoder.append(m_socket.readAll());
        }
        return std::nullopt;
    }
    /** Stops taking bytes from the kernel, so the server's sends back up as a stuck client's would. */
    void stopReading() { m_socket.setReadBufferSize(1); }
    bool waitClosed(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    }

private:
    QSslSocket m_socket;
    common::FrameDecoder m_decoder{64 * 1024 * 1024};
};

QByteArray lengthHeader(quint32 length)
{
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian<quint32>(length, bytes.data());
    return bytes;
}

} // namespace

class TestProtocolRobustness final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_bystander;

    void restartWith(const std::function<void(server::ServerConfig&)>& adjust)
    {
        m_bystander.reset();
        m_server.reset();
        auto config = TestServer::defaultConfig();
        adjust(config);
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        m_bystander = std::make_unique<TestClient>(m_server->port(), m_server->fingerprint());
        QVERIFY(m_bystander->waitConnected());
    }

    void expectErrorThenClose(RawConnection& raw, ErrorCode code)
    {
        const auto reply = raw.nextReply();
        QVERIFY(reply.has_value());
        QCOMPARE(reply->id, 0u);
        QVERIFY(reply->isError());
        QCOMPARE(reply->error->code, code);
        QVERIFY(raw.waitClosed());
        // Everyone else is still served.
        QVERIFY(m_bystander->call(Method::Hello, common::HelloParams{1, 0, {}}.toCbor()).ok());
    }

private Q_SLOTS:
    void init()
    {
        auto config = TestServer::defaultConfig();
        config.idleTimeoutSeconds = 2;
        config.maxFrameBytes = 64 * 1024;
        config.maxPendingWriteBytes = 256 * 1024;
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        m_bystander = std::make_unique<TestClient>(m_server->port(), m_server->fingerprint());
        QVERIFY(m_bystander->waitConnected());
    }

    void cleanup()
    {
        m_bystander.reset();
        m_server.reset();
    }

    void oversizedFrameIsRefusedBeforeItArrives()
    {
        RawConnection raw(m_server->port());
        QVERIFY(raw.waitEncrypted());
        raw.sendBytes(lengthHeader(512 * 1024 * 1024)); // claims 512 MiB, sends nothing more
        expectErrorThenClose(raw, ErrorCode::FrameTooLarge);
    }

    void frameJustOverTheConfiguredLimitIsRefused()
    {
        RawConnection raw(m_server->port());
        QVERIFY(raw.waitEncrypted());
        raw.send(QCborMap{{QLatin1String("pad"), QString(70 * 1024, QLatin1Char('x'))}});
        expectErrorThenClose(raw, ErrorCode::FrameTooLarge);
    }

    void badCborIsRefused()
    {
        RawConnection raw(m_server->port());
        QVERIFY(raw.waitEncrypted());
        const QByteArray junk("\xff\xfe\xfd\xfc\x00\x01", 6);
        raw.sendBytes(lengthHeader(junk.size()) + junk);
        expectErrorThenClose(raw, ErrorCode::BadFrame);
    }

    void mapThatIsNoRequestIsRefused()
    {
        RawConnection raw(m_server->port());
        QVERIFY(raw.waitEncrypted());
        raw.send(QCborMap{{QLatin1String("hello"), QStringLiteral("there")}});
        expectErrorThenClose(raw, ErrorCode::BadEnvelope);
    }

    void helloComesFirst()
    {
        RawConnection raw(m_server->port());
        QVERIFY(raw.waitEncrypted());
        raw.request(5, Method::SignIn, {{QLatin1String("email"), QStringLiteral("a@b.example")}});
        auto reply = raw.nextReply();
        QVERIFY(reply && reply->isError());
        QCOMPARE(reply->id, 5u);
        QCOMPARE(reply->error->code, ErrorCode::HelloRequired);
        raw.hello();
        reply = raw.nextReply();
        QVERIFY(reply && !reply->isError());
        QCOMPARE(reply->result.value(QLatin1String("major")).toInteger(), common::Protocol::kMajorVersion);
    }

    void requestsSentWithTheHandshakeAreEachAnsweredOnce()
    {
        // The first requests arrive with the client's last handshake message, while the server
        // is still inside the socket's handshake code: the connection must take its socket over
        // to the network thread only afterwards, or two threads read the same bytes.
        constexpr int kConnections = 40;
        constexpr int kRequests = 4;
        // Not this fixture's 2 s idle timeout: 40 handshakes on a busy machine may take that long.
        restartWith([](server::ServerConfig& config) { config.idleTimeoutSeconds = 60; });
        std::vector<std::unique_ptr<RawConnection>> raws;
        for (int i = 0; i < kConnections; ++i) {
            raws.push_back(std::make_unique<RawConnection>(m_server->port()));
            // Written before the handshake: QSslSocket sends it the moment it is encrypted.
            raws.back()->hello();
            for (quint64 id = 2; id <= kRequests; ++id)
                raws.back()->request(id, Method::Hello, common::HelloParams{1, 0, QStringLiteral("raw")}.toCbor());
        }
        for (const auto& raw : raws) {
            QVERIFY(raw->waitEncrypted());
            for (quint64 id = 1; id <= kRequests; ++id) {
                const auto reply = raw->nextReply();
                QVERIFY(reply.has_value());
                QVERIFY2(!reply->isError(), qPrintable(reply->isError() ? reply->error->message : QString()));
                QCOMPARE(reply->id, id);
            }
        }
    }

    void otherMajorVersionIsRefused()
    {
        RawConnection raw(m_server->port());
        QVERIFY(raw.waitEncrypted());
        raw.hello(common::Protocol::kMajorVersion + 1);
        const auto reply = raw.nextReply();
        QVERIFY(reply && reply->isError());
        QCOMPARE(reply->error->code, ErrorCode::UnsupportedVersion);
        QCOMPARE(reply->error->details.value(QLatin1String("serverMajor")).toInteger(), common::Protocol::kMajorVersion);
    }

    void unknownMethodsAndBadParamsGetTypedErrorsAndKeepTheConnection()
    {
        RawConnection raw(m_server->port());
        QVERIFY(raw.waitEncrypted());
        raw.hello();
        QVERIFY(raw.nextReply().has_value());

        raw.request(2, QStringLiteral("tickets.launchMissiles"));
        auto reply = raw.nextReply();
        QVERIFY(reply && reply->isError());
        QCOMPARE(reply->error->code, ErrorCode::UnknownMethod);

        raw.request(3, Method::SignIn, {{QLatin1String("email"), 42}});
        reply = raw.nextReply();
        QVERIFY(reply && reply->isError());
        QCOMPARE(reply->id, 3u);
        QCOMPARE(reply->error->code, ErrorCode::InvalidParams);
        QCOMPARE(reply->error->details.value(QLatin1String("field")).toString(), QStringLiteral("email"));

        raw.request(4, Method::Register, {});
        reply = raw.nextReply();
        QVERIFY(reply && reply->isError());
        QCOMPARE(reply->error->code, ErrorCode::InvalidParams);

        raw.request(6, Method::Hello, common::HelloParams{1, 0, {}}.toCbor());
        reply = raw.nextReply();
        QVERIFY(reply && !reply->isError());
        QCOMPARE(reply->id, 6u);
    }

    void idleUnauthenticatedConnectionsAreClosed()
    {
        RawConnection idle(m_server->port());
        QVERIFY(idle.waitEncrypted());
        const auto reply = idle.nextReply(6000);
        QVERIFY(reply && reply->isError());
        QCOMPARE(reply->error->code, ErrorCode::IdleTimeout);
        QVERIFY(idle.waitClosed());
    }

    void aClientThatStopsReadingIsDropped()
    {
        m_server->createUser(QStringLiteral("watcher@example.com"), common::Role::Admin);
        m_server->createUser(QStringLiteral("busy@example.com"), common::Role::Customer);
        RawConnection stuck(m_server->port());
        QVERIFY(stuck.waitEncrypted());
        stuck.hello();
        QVERIFY(stuck.nextReply().has_value());
        stuck.request(2, Method::SignIn, common::SignInParams{QStringLiteral("watcher@example.com"),
                                                              TestServer::kPassword, {}, {}}
                                             .toCbor());
        auto signedIn = stuck.nextReply();
        QVERIFY(signedIn && !signedIn->isError());
        stuck.stopReading();
        const qsizetype before = m_server->server().connectionCount();

        // Every new ticket is pushed to the admin, who never reads: the server must give up on them.
        QVERIFY(m_bystander->signIn(QStringLiteral("busy@example.com"), TestServer::kPassword).ok());
        const QString bulk(8000, QLatin1Char('x'));
        int created = 0;
        while (m_server->server().connectionCount() == before && created < 3000) {
            QVERIFY(m_bystander->call(Method::CreateTicket,
                                      common::CreateTicketParams{QStringLiteral("flood %1").arg(created), bulk, 1,
                                                                 common::TicketPriority::Low, 0, {}}
                                          .toCbor())
                        .ok());
            ++created;
        }
        QTRY_COMPARE(m_server->server().connectionCount(), before - 1);
        // The sender is unaffected.
        QVERIFY(m_bystander->call(Method::Me).ok());
    }

    void halfOpenConnectionsAreShedForNewcomers()
    {
        // A handshake timeout far beyond the test's patience: only shedding can let the newcomer in.
        restartWith([](server::ServerConfig& config) {
            config.maxHandshakes = 20;
            config.handshakeTimeoutSeconds = 600;
        });
        std::vector<std::unique_ptr<QTcpSocket>> halfOpen;
        for (int i = 0; i < 60; ++i) {
            halfOpen.push_back(std::make_unique<QTcpSocket>());
            halfOpen.back()->connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        }
        QTRY_VERIFY(std::all_of(halfOpen.cbegin(), halfOpen.cend(), [](const auto& socket) {
            return socket->state() == QAbstractSocket::ConnectedState;
        }));
        TestClient newcomer(m_server->port(), m_server->fingerprint());
        QVERIFY(newcomer.waitConnected(30000));
        QVERIFY(newcomer.call(Method::Hello, common::HelloParams{1, 0, {}}.toCbor()).ok());
        const auto dropped = std::count_if(halfOpen.cbegin(), halfOpen.cend(), [](const auto& socket) {
            return socket->state() == QAbstractSocket::UnconnectedState;
        });
        QVERIFY2(dropped >= 20, qPrintable(QStringLiteral("%1 half-open connections dropped").arg(dropped)));
    }

    void theLongestSilentUnauthenticatedConnectionIsShed()
    {
        restartWith([](server::ServerConfig& config) { config.maxUnauthenticated = 5; });
        m_server->createUser(QStringLiteral("member@example.com"), common::Role::Customer);
        QVERIFY(m_bystander->signIn(QStringLiteral("member@example.com"), TestServer::kPassword).ok());
        std::vector<std::unique_ptr<RawConnection>> waiting;
        for (int i = 0; i < 12; ++i) {
            waiting.push_back(std::make_unique<RawConnection>(m_server->port()));
            QVERIFY(waiting.back()->waitEncrypted());
            QTest::qWait(20); // so that "silent longest" is well defined
        }
        // The first seven, the longest silent, were told why and closed; the last five stay.
        for (int i = 0; i < 7; ++i) {
            const auto reply = waiting.at(i)->nextReply();
            QVERIFY(reply && reply->isError());
            QCOMPARE(reply->error->code, ErrorCode::Unavailable);
            QVERIFY(waiting.at(i)->waitClosed());
        }
        for (int i = 7; i < 12; ++i) {
            waiting.at(i)->hello();
            const auto reply = waiting.at(i)->nextReply();
            QVERIFY(reply && !reply->isError());
        }
        // Signed-in connections do not count and are never shed.
        QVERIFY(m_bystander->call(Method::Me).ok());
    }

    void signedInConnectionsAreNotClosedForIdling()
    {
        m_server->createUser(QStringLiteral("patient@example.com"), common::Role::Customer);
        QVERIFY(m_bystander->signIn(QStringLiteral("patient@example.com"), TestServer::kPassword).ok());
        QTest::qWait(3000);
        QCOMPARE(m_bystander->api().state(), app::ConnectionState::Connected);
        QVERIFY(m_bystander->call(Method::Me).ok());
    }
};

QTEST_GUILESS_MAIN(TestProtocolRobustness)
#include "TestProtocolRobustness.moc"
