#include "mail/MailTemplates.h"

#include <QTest>

using namespace ccr::server;

/** A mail's text is what the outbox keeps; its HTML part is made from that text when sent. */
class TestMailTemplates final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theHtmlPartFollowsTheTextsParagraphsQuotesAndSignature()
    {
        ccr::common::TicketInfo ticket;
        ticket.number = QStringLiteral("CCR-000042");
        ticket.subject = QStringLiteral("Kettle <leaks>");
        ticket.customerName = QStringLiteral("Mīra & co");
        // Blank lines, a quoted line of its own and markup in what the customer wrote.
        ticket.description = QStringLiteral("It leaks.\n\n> as the manual says\n<script>alert(1)</script>");
        const MailContent content = MailTemplates::ticketReceived(ticket);
        QVERIFY(content.text.contains(QStringLiteral("> It leaks.\n> \n> > as the manual says\n> <script>")));

        const QString html = MailTemplates::html(content.text);
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html><html><body")));
        QVERIFY(html.endsWith(QStringLiteral("</body></html>")));
        QVERIFY(html.contains(QStringLiteral("<p>Hello Mīra &amp; co,</p>")));
        // The whole description is one quote, blank line and the customer's own "> " included.
        QVERIFY2(html.contains(QStringLiteral("padding-left:1em\">It leaks.<br><br>&gt; as the manual "
                                              "says<br>&lt;script&gt;alert(1)&lt;/script&gt;</blockquote>")),
                 qPrintable(html));
        QCOMPARE(html.count(QStringLiteral("<blockquote")), 1);
        QVERIFY(html.contains(QStringLiteral("Ticket CCR-000042: Kettle &lt;leaks&gt;<br>Category: ")));
        QVERIFY(html.contains(QStringLiteral("<p style=\"color:#666\">Your Customer Care Registry help desk</p>")));
        QVERIFY(!html.contains(QStringLiteral("-- ")));
        QVERIFY(!html.contains(QStringLiteral("<script>")));
    }

    void aMailWithoutQuotesHasOnlyParagraphs()
    {
        ccr::common::UserInfo user;
        user.displayName = QStringLiteral("Ana");
        user.email = QStringLiteral("ana@example.com");
        const QString html = MailTemplates::html(MailTemplates::welcome(user).text);
        QCOMPARE(html.count(QStringLiteral("<blockquote")), 0);
        QCOMPARE(html.count(QStringLiteral("<p")), 3); // greeting, text, signature
    }
};

QTEST_GUILESS_MAIN(TestMailTemplates)
#include "TestMailTemplates.moc"
