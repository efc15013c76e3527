#include "HelpDesk.h"
#include "SmtpSink.h"
#include "common/Protocol.h"
#include "common/account/MailQueue.h"
#include "common/account/MailQueueParams.h"
#include "common/account/NotificationPreferences.h"
#include "common/messages/CreateAgentParams.h"
#include "common/messages/DecideAdminRequestParams.h"
#include "common/messages/RegisterParams.h"
#include "common/messages/UserResult.h"
#include "common/tickets/AssignParams.h"
#include "common/tickets/CreateTicketParams.h"
#include "common/tickets/ReplyParams.h"
#include "common/tickets/ResolveParams.h"
#include "common/tickets/SetStatusParams.h"
#include "common/tickets/TicketResult.h"
#include "tls/SelfSignedCertificate.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace ccr;
using namespace ccr::tests;
using common::ErrorCode;
namespace Method = common::Protocol::Method;

namespace {

const QString kSubject = QStringLiteral("Überweisung für Bestellung — ½ erstattet? ✓");
const QString kNote = QStringLiteral("internal-only-remark-7731");

server::ServerConfig mailConfig(quint16 smtpPort)
{
    auto config = TestServer::mailingConfig(smtpPort);
    config.smtp.fromAddress = QStringLiteral("helpdesk@ccr-test.example");
    config.smtp.timeoutSeconds = 5;
    config.relay.firstRetrySeconds = 10;
    return config;
}

common::Result<common::MailQueue> mailQueue(Actor& admin, const QString& status = {})
{
    return admin->callFor<common::MailQueue>(Method::MailQueue, common::MailQueueParams{status, 100}.toCbor());
}

qint64 countOf(const common::MailQueue& queue, const QString& status)
{
    for (const auto& entry : queue.counts) {
        if (entry.key == status)
            return entry.count;
    }
    return 0;
}

} // namespace

class TestMailDelivery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyNotificationReachesTheRightPeople()
    {
        SmtpSink sink;
        QVERIFY(sink.start());
        HelpDesk desk(mailConfig(sink.port()));
        QVERIFY(desk.ready());

        auto newcomer = std::make_unique<TestClient>(desk.server().port(), desk.server().fingerprint());
        QVERIFY(newcomer->waitConnected());
        const common::RegisterParams registration{QStringLiteral("nila@example.com"), QStringLiteral("Nila Ñandú"),
                                                  TestServer::kPassword, TestServer::kPassword, false, {}};
        QVERIFY(newcomer->call(Method::Register, registration.toCbor()).ok());
        QVERIFY(newcomer->signIn(QStringLiteral("nila@example.com"), TestServer::kPassword).ok());

        const common::CreateTicketParams params{kSubject, QStringLiteral("The refund of 49,90 € never arrived."), 3,
                                                common::TicketPriority::High, 0, {}};
        const auto created = newcomer->callFor<common::TicketResult>(Method::CreateTicket, params.toCbor());
        QVERIFY(created.ok());
        const auto ticket = created->ticket;
        QVERIFY(desk.admin->call(Method::Assign, common::AssignParams{ticket.id, desk.agent.user.id}.toCbor()).ok());
        QVERIFY(desk.agent->call(Method::Reply, common::ReplyParams{ticket.id, kNote, true, {}, 0}.toCbor()).ok());
        QVERIFY(desk.agent->call(Method::Reply, common::ReplyParams{ticket.id, QStringLiteral("We are checking it."),
                                                                    false, {}, 0}
                                                    .toCbor())
                    .ok());
        QVERIFY(newcomer->call(Method::Reply, common::ReplyParams{ticket.id, QStringLiteral("Thanks!"), false, {}, 0}
                                                  .toCbor())
                    .ok());
        QVERIFY(desk.agent->call(Method::Resolve, common::ResolveParams{ticket.id, QStringLiteral("Refund re-sent.")}
                                                      .toCbor())
                    .ok());
        QVERIFY(newcomer->call(Method::SetStatus,
                               common::SetStatusParams{ticket.id, common::TicketStatus::Closed}.toCbor())
                    .ok());

        const auto mails = sink.waitForMails(8);
        QCOMPARE(mails.size(), 8);
        const auto toCustomer = sink.mailsTo(QStringLiteral("nila@example.com"));
        const auto toAgent = sink.mailsTo(desk.agent.user.email);
        QCOMPARE(toCustomer.size(), 6); // welcome, received, assigned, reply, resolved, closed
        QCOMPARE(toAgent.size(), 2);    // assigned to you, customer's reply

        const QString root = QStringLiteral("<ticket-%1@ccr-test.example>").arg(ticket.id);
        QSet<QString> messageIds;
        for (const auto& mail : mails) {
            QCOMPARE(mail.defects, 0);
            QCOMPARE(mail.autoSubmitted, QStringLiteral("auto-generated"));
            QCOMPARE(mail.contentType, QStringLiteral("multipart/alternative"));
            QVERIFY(!mail.html.isEmpty());
            QVERIFY2(!mail.text.contains(kNote) && !mail.html.contains(kNote), "an internal note was mailed");
            messageIds.insert(mail.messageId);
            if (mail.subject.contains(ticket.number)) {
                QVERIFY2(mail.subject.contains(kSubject), qPrintable(mail.subject)); // RFC 2047 round trip
                QVERIFY(mail.rawSubject.startsWith(QStringLiteral("=?UTF-8?B?")));
                QVERIFY(mail.messageId == root || mail.inReplyTo == root);
                QVERIFY(mail.messageId == root || mail.references.contains(root));
            }
        }
        QCOMPARE(messageIds.size(), 8);
        auto find = [](const QList<ReceivedMail>& list, const QString& word) {
            for (const auto& mail : list) {
                if (mail.subject.contains(word))
                    return mail;
            }
            return ReceivedMail{};
        };
        QVERIFY(find(toCustomer, QStringLiteral("Welcome")).text.contains(QStringLiteral("Nila Ñandú")));
        const auto receipt = find(toCustomer, QStringLiteral("received"));
        QCOMPARE(receipt.messageId, root);
        QVERIFY(receipt.text.contains(QStringLiteral("never arrived")));
        QVERIFY(receipt.text.contains(QStringLiteral("Payments and transactions")));
        QVERIFY(find(toCustomer, QStringLiteral("assigned to")).text.contains(desk.agent.user.displayName));
        QVERIFY(find(toCustomer, QStringLiteral("new reply")).text.contains(QStringLiteral("We are checking it.")));
        const auto resolved = find(toCustomer, QStringLiteral("resolved"));
        QVERIFY(resolved.text.contains(QStringLiteral("Refund re-sent.")));
        QVERIFY(resolved.text.contains(QStringLiteral("reply to the ticket")));
        QVERIFY(!find(toCustomer, QStringLiteral("closed")).subject.isEmpty());
        QVERIFY(find(toAgent, QStringLiteral("new reply")).text.contains(QStringLiteral("Thanks!")));

        const auto queue = mailQueue(desk.admin, QStringLiteral("sent"));
        QVERIFY2(queue.ok(), qPrintable(queue.error().message));
        QVERIFY(queue->smtpConfigured);
        QCOMPARE(countOf(queue.value(), QStringLiteral("sent")), 8);
    }

    void accountMailGoesToTheRightPeople()
    {
        SmtpSink sink;
        QVERIFY(sink.start());
        HelpDesk desk(mailConfig(sink.port()));
        QVERIFY(desk.ready());
        auto second = desk.signIn(QStringLiteral("second.admin@example.com"), common::Role::Admin);
        auto hopeful = std::make_unique<TestClient>(desk.server().port(), desk.server().fingerprint());
        QVERIFY(hopeful->waitConnected());
        const auto registered = hopeful->callFor<common::UserResult>(
            Method::Register, common::RegisterParams{QStringLiteral("hopeful@example.com"), QStringLiteral("Hopeful"),
                                                     TestServer::kPassword, TestServer::kPassword, true, {}}
                                  .toCbor());
        QVERIFY(registered.ok());
        QCOMPARE(sink.waitForMails(2).size(), 2); // both admins hear of the request; no welcome yet
        QCOMPARE(sink.mailsTo(QStringLiteral("hopeful@example.com")).size(), 0);
        QVERIFY(desk.admin->call(Method::DecideAdminRequest,
                                 common::DecideAdminRequestParams{registered->user.id, true}.toCbor())
                    .ok());
        QVERIFY(desk.admin->call(Method::CreateAgent, common::CreateAgentParams{QStringLiteral("new.agent@example.com"),
                                                                                QStringLiteral("New Agent"),
                                                                                TestServer::kPassword}
                                                          .toCbor())
                    .ok());
        sink.waitForMails(4);
        QVERIFY(sink.mailsTo(QStringLiteral("hopeful@example.com")).constFirst().subject.contains(QStringLiteral("accepted")));
        QVERIFY(sink.mailsTo(QStringLiteral("new.agent@example.com")).constFirst().subject.contains(QStringLiteral("agent")));
        QVERIFY(sink.mailsTo(second.user.email).constFirst().text.contains(QStringLiteral("hopeful@example.com")));
    }

    void smtpOutageLosesNothingAndDuplicatesNothing()
    {
        SmtpSink sink; // not started yet: the relay is down
        QVERIFY(sink.start());
        const quint16 port = sink.port();
        sink.stop();
        HelpDesk desk(mailConfig(port));
        QVERIFY(desk.ready());
        for (int i = 0; i < 5; ++i)
            desk.createTicket(desk.customer, QStringLiteral("During the outage %1").arg(i));
        // Every mail was tried and is waiting for its retry.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto queue = mailQueue(desk.admin, QStringLiteral("queued"));
                if (!queue || queue->entries.size() != 5)
                    return false;
                for (const auto& entry : queue->entries) {
                    if (entry.attempts < 1 || entry.lastError.isEmpty())
                        return false;
                }
                return true;
            }(),
            15000);
        QVERIFY(sink.start(port));
        desk.server().clock().advanceSeconds(60);
        QCOMPARE(sink.waitForMails(5).size(), 5);
        QTest::qWait(500); // a duplicate would arrive now
        QCOMPARE(sink.mails().size(), 5);
        QSet<QString> ids;
        for (const auto& mail : sink.mails())
            ids.insert(mail.messageId);
        QCOMPARE(ids.size(), 5);
        QTRY_COMPARE_WITH_TIMEOUT(countOf(mailQueue(desk.admin).value(), QStringLiteral("sent")), 5, 5000);
    }

    void slowSmtpDoesNotSlowTheHelpDesk()
    {
        SmtpSink sink;
        sink.setDataDelaySeconds(1.5);
        QVERIFY(sink.start());
        HelpDesk desk(mailConfig(sink.port()));
        QVERIFY(desk.ready());
        // Each ticket queues a receipt; the relay talks to the slow server on its own thread.
        for (int i = 0; i < 6; ++i)
            desk.createTicket(desk.customer, QStringLiteral("While mail is slow %1").arg(i));
        QVERIFY(desk.customer->call(Method::Me).ok());
        // Had sending blocked the server, every reply would have waited for one mail (1.5 s each).
        QVERIFY2(sink.mails().size() <= 1, qPrintable(QString::number(sink.mails().size())));
        QCOMPARE(sink.waitForMails(6, 30000).size(), 6);
    }

    void permanentRejectionIsMarkedFailed()
    {
        SmtpSink sink;
        QVERIFY(sink.start());
        HelpDesk desk(mailConfig(sink.port()));
        QVERIFY(desk.ready());
        auto bounced = desk.signIn(QStringLiteral("ghost@reject.example"), common::Role::Customer);
        desk.createTicket(bounced, QStringLiteral("Nobody reads this"));
        desk.createTicket(desk.customer, QStringLiteral("Fine"));
        QCOMPARE(sink.waitForMails(1).size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(countOf(mailQueue(desk.admin).value(), QStringLiteral("failed")) == 1, 10000);
        const auto failed = mailQueue(desk.admin, QStringLiteral("failed"));
        QCOMPARE(failed->entries.size(), 1);
        QCOMPARE(failed->entries.constFirst().to, QStringLiteral("ghost@reject.example"));
        QCOMPARE(failed->entries.constFirst().attempts, 1);
        QVERIFY2(failed->entries.constFirst().lastError.contains(QStringLiteral("550")),
                 qPrintable(failed->entries.constFirst().lastError));
        QCOMPARE(mailQueue(desk.customer).error().code, ErrorCode::PermissionDenied);
    }

    void queuedMailIsDeliveredAfterARestart()
    {
        SmtpSink sink;
        QVERIFY(sink.start());
        const quint16 port = sink.port();
        sink.stop();
        HelpDesk desk(mailConfig(port));
        QVERIFY(desk.ready());
        desk.createTicket(desk.customer, QStringLiteral("Before the restart"));
        QTRY_VERIFY_WITH_TIMEOUT(mailQueue(desk.admin, QStringLiteral("queued"))->entries.size() == 1, 10000);
        desk.server().stop();
        QVERIFY(sink.start(port));
        desk.server().clock().advanceSeconds(60);
        QVERIFY(desk.server().start());
        const auto mails = sink.waitForMails(1);
        QCOMPARE(mails.size(), 1);
        QVERIFY(mails.constFirst().subject.contains(QStringLiteral("Before the restart")));
    }

    void starttlsWithCertificateVerification()
    {
        QTemporaryDir dir;
        const auto pem = server::makeSelfSignedCertificate(QStringLiteral("localhost"));
        QVERIFY(pem.ok());
        const QString cert = dir.filePath(QStringLiteral("smtp.crt"));
        const QString key = dir.filePath(QStringLiteral("smtp.key"));
        for (const auto& [path, data] : {std::pair{cert, pem->certificatePem}, std::pair{key, pem->privateKeyPem}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(data);
        }
        SmtpSink sink;
        QVERIFY(sink.start(0, cert, key));

        // Verification is on: without trusting the relay's certificate nothing is sent.
        auto untrusting = mailConfig(sink.port());
        untrusting.smtp.security = server::SmtpSettings::Security::StartTls;
        {
            HelpDesk desk(untrusting);
            QVERIFY(desk.ready());
            desk.createTicket(desk.customer, QStringLiteral("Untrusted relay"));
            QTRY_VERIFY_WITH_TIMEOUT(!mailQueue(desk.admin, QStringLiteral("queued"))->entries.isEmpty() &&
                                         mailQueue(desk.admin, QStringLiteral("queued"))->entries.constFirst().attempts > 0,
                                     10000);
            QCOMPARE(sink.mails().size(), 0);
        }
        auto trusting = untrusting;
        trusting.smtp.caFile = cert;
        HelpDesk desk(trusting);
        QVERIFY(desk.ready());
        desk.createTicket(desk.customer, QStringLiteral("Over STARTTLS"));
        QCOMPARE(sink.waitForMails(1).size(), 1);
    }

    void optOutsAreHonouredExceptForSecurityMail()
    {
        SmtpSink sink;
        QVERIFY(sink.start());
        HelpDesk desk(mailConfig(sink.port()));
        QVERIFY(desk.ready());
        const common::NotificationPreferences wanted{{common::NotificationKind::NewReply,
                                                      common::NotificationKind::AgentAssigned},
                                                     {}};
        const auto saved = desk.customer->callFor<common::NotificationPreferences>(Method::SetNotificationPreferences,
                                                                                   wanted.toCbor());
        QVERIFY2(saved.ok(), qPrintable(saved.error().message));
        QCOMPARE(saved->disabled.size(), 2);
        QVERIFY(!saved->optional.contains(common::NotificationKind::PasswordReset));
        const common::NotificationPreferences security{{common::NotificationKind::PasswordReset}, {}};
        QCOMPARE(desk.customer->call(Method::SetNotificationPreferences, security.toCbor()).error().code,
                 ErrorCode::ValidationFailed);

        const auto ticket = desk.assignedTicket(desk.customer, desk.agent, QStringLiteral("Quiet please"));
        QVERIFY(desk.agent->call(Method::Reply, common::ReplyParams{ticket.id, QStringLiteral("hello"), false, {}, 0}
                                                    .toCbor())
                    .ok());
        // Received (not turned off) and the agent's assignment mail only.
        sink.waitForMails(2);
        QTest::qWait(500);
        QCOMPARE(sink.mailsTo(desk.customer.user.email).size(), 1);
        QVERIFY(sink.mailsTo(desk.customer.user.email).constFirst().subject.contains(QStringLiteral("received")));
    }

    void withoutSmtpMailWaitsInTheQueue()
    {
        HelpDesk desk; // no [smtp] host
        QVERIFY(desk.ready());
        desk.createTicket(desk.customer, QStringLiteral("Queued only"));
        const auto queue = mailQueue(desk.admin);
        QVERIFY(queue.ok());
        QVERIFY(!queue->smtpConfigured);
        QCOMPARE(countOf(queue.value(), QStringLiteral("queued")), 1);
        QCOMPARE(queue->entries.constFirst().attempts, 0);
    }
};

QTEST_GUILESS_MAIN(TestMailDelivery)
#include "TestMailDelivery.moc"
