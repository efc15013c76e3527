#include "common/tickets/AgentLoadList.h"
#include "common/tickets/CreateTicketParams.h"
#include "common/tickets/ListTicketsParams.h"
#include "common/tickets/RateTicketParams.h"
#include "common/tickets/TicketDetail.h"
#include "common/tickets/TicketRef.h"
#include "common/tickets/UploadChunkParams.h"

#include "RoundTrip.h"

#include <QTest>
#include <QTimeZone>

using namespace ccr::common;
using ccr::tests::checkRoundTrip;

namespace {

TicketInfo sampleTicket()
{
    TicketInfo ticket;
    ticket.id = 123;
    ticket.number = QStringLiteral("CCR-000123");
    ticket.subject = QStringLiteral("Refund for order 5521 — ½ paid");
    ticket.description = QStringLiteral("The parcel arrived broken.");
    ticket.categoryId = 2;
    ticket.categoryName = QStringLiteral("Delivery");
    ticket.priority = TicketPriority::Urgent;
    ticket.status = TicketStatus::WaitingOnCustomer;
    ticket.customerId = 7;
    ticket.agentId = 9;
    ticket.createdAt = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000, QTimeZone::utc());
    ticket.updatedAt = ticket.createdAt.addSecs(3600);
    ticket.version = 4;
    return ticket;
}

} // namespace

class TestCborCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ticketMessagesRoundTrip()
    {
        checkRoundTrip(sampleTicket());
        MessageInfo message;
        message.id = 5;
        message.ticketId = 123;
        message.kind = MessageKind::Internal;
        message.body = QStringLiteral("Customer called twice.");
        message.createdAt = sampleTicket().createdAt;
        message.attachments = {AttachmentInfo{1, QStringLiteral("photo.jpg"), 2048, QString(64, QLatin1Char('a')),
                                              QStringLiteral("image/jpeg"), 123, 5, sampleTicket().createdAt}};
        checkRoundTrip(TicketDetail{sampleTicket(), {message, message}, message.attachments});

        ListTicketsParams list;
        list.statuses = {TicketStatus::New, TicketStatus::Resolved};
        list.priorities = {TicketPriority::High};
        list.createdFrom = sampleTicket().createdAt;
        list.sort = QStringLiteral("priority");
        list.limit = 25;
        checkRoundTrip(list);
        checkRoundTrip(UploadChunkParams{3, 262144, QByteArray("\x00\x01\xff", 3)});
        checkRoundTrip(AgentLoadList{{AgentLoad{UserInfo{9, QStringLiteral("a@b.example"), QStringLiteral("A"),
                                                         Role::Agent, UserState::Active, {}, {}, {}},
                                                4}}});
    }

    void ratingsRoundTrip()
    {
        checkRoundTrip(RateTicketParams{123, 4, QStringLiteral("Quick and kind — merci ✓")});
        checkRoundTrip(RateTicketParams{123, 5, {}});
        TicketInfo rated = sampleTicket();
        rated.status = TicketStatus::Resolved;
        rated.rating = 3;
        rated.ratingComment = QStringLiteral("Took a while, but fixed.");
        rated.ratedAt = rated.updatedAt;
        checkRoundTrip(rated);
        const QCborMap map = rated.toCbor();
        QCOMPARE(map.value(QLatin1String("rating")).toInteger(), 3);
        QCOMPARE(map.value(QLatin1String("ratedAt")).toInteger(), rated.updatedAt.toMSecsSinceEpoch());
    }

    void ticketsFromOlderServersHaveNoRating()
    {
        // A 1.3 server sends no rating fields: the ticket still decodes, as not rated.
        QCborMap old = sampleTicket().toCbor();
        for (const auto key : {"rating", "ratingComment", "ratedAt"})
            old.remove(QLatin1String(key));
        const auto ticket = TicketInfo::fromCbor(old);
        QVERIFY(ticket.ok());
        QCOMPARE(ticket->rating, 0);
        QVERIFY(ticket->ratingComment.isEmpty());
        QVERIFY(!ticket->ratedAt.isValid());
        // The comment is optional in the params; stars are not.
        QVERIFY(RateTicketParams::fromCbor(QCborMap{{QLatin1String("ticketId"), 1}, {QLatin1String("stars"), 2}}).ok());
        const auto noStars = RateTicketParams::fromCbor(QCborMap{{QLatin1String("ticketId"), 1}});
        QCOMPARE(noStars.error().details.value(QLatin1String("field")).toString(), QStringLiteral("stars"));
    }

    void defaultsApplyToMissingOptionalFields()
    {
        auto list = ListTicketsParams::fromCbor({});
        QVERIFY(list.ok());
        QCOMPARE(list->sort, QStringLiteral("updated"));
        QCOMPARE(list->limit, 50);
        QVERIFY(list->statuses.isEmpty());
        auto ref = TicketRef::fromCbor(QCborMap{{QLatin1String("number"), QCborValue(QCborValue::Null)}});
        QVERIFY(ref.ok());
    }

    void problemsNameTheField_data()
    {
        QTest::addColumn<QCborMap>("params");
        QTest::addColumn<QString>("field");
        const QCborMap valid = CreateTicketParams{QStringLiteral("s"), QStringLiteral("d"), 1, TicketPriority::Low, 0,
                                                  {}}
                                   .toCbor();
        QCborMap missing = valid;
        missing.remove(QLatin1String("subject"));
        QTest::newRow("missing") << missing << QStringLiteral("subject");
        QCborMap wrongType = valid;
        wrongType.insert(QLatin1String("categoryId"), QStringLiteral("1"));
        QTest::newRow("type") << wrongType << QStringLiteral("categoryId");
        QCborMap badEnum = valid;
        badEnum.insert(QLatin1String("priority"), QStringLiteral("whenever"));
        QTest::newRow("enum") << badEnum << QStringLiteral("priority");
        QCborMap tooMany = valid;
        QCborArray ids;
        for (int i = 0; i < 21; ++i)
            ids.append(i);
        tooMany.insert(QLatin1String("attachmentIds"), ids);
        QTest::newRow("list length") << tooMany << QStringLiteral("attachmentIds");
        QCborMap badElement = valid;
        badElement.insert(QLatin1String("attachmentIds"), QCborArray{1, QStringLiteral("two")});
        QTest::newRow("element") << badElement << QStringLiteral("attachmentIds");
    }
    void problemsNameTheField()
    {
        QFETCH(QCborMap, params);
        QFETCH(QString, field);
        auto decoded = CreateTicketParams::fromCbor(params);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, ErrorCode::InvalidParams);
        QCOMPARE(decoded.error().details.value(QLatin1String("field")).toString(), field);
    }

    void integersOutOfRangeAreRefused()
    {
        auto list = ListTicketsParams::fromCbor(QCborMap{{QLatin1String("limit"), qint64{1} << 40}});
        QVERIFY(!list.ok());
        QCOMPARE(list.error().details.value(QLatin1String("field")).toString(), QStringLiteral("limit"));
    }
};

QTEST_GUILESS_MAIN(TestCborCodec)
#include "TestCborCodec.moc"
