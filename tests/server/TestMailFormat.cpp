#include "mail/MailFormat.h"

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace ccr::server;

namespace {

OutgoingMail sampleMail()
{
    OutgoingMail mail;
    mail.fromAddress = QStringLiteral("helpdesk@example.com");
    mail.fromName = QStringLiteral("Help Desk");
    mail.toAddress = QStringLiteral("meera@example.com");
    mail.toName = QStringLiteral("Mīra Kṛṣṇan");
    mail.subject = QStringLiteral("[CCR-000042] Überweisung für Bestellung — ½ erstattet");
    mail.textBody = QStringLiteral("Hello,\nline two with trailing space \nand = sign and naïve text.");
    mail.htmlBody = QStringLiteral("<p>Hello</p>");
    mail.messageId = QStringLiteral("ccr.abc.1@example.com");
    mail.inReplyTo = QStringLiteral("ticket-42@example.com");
    mail.references = {QStringLiteral("ticket-42@example.com")};
    mail.date = QDateTime::fromSecsSinceEpoch(1'795'000'000, QTimeZone::utc());
    return mail;
}

} // namespace

class TestMailFormat final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void asciiHeadersStayReadable()
    {
        QCOMPARE(MailFormat::encodeHeaderText(QStringLiteral("Plain subject")), QByteArray("Plain subject"));
        QCOMPARE(MailFormat::encodeMailbox(QStringLiteral("Ada \"the\" Admin"), QStringLiteral("a@b.example")),
                 QByteArray("\"Ada \\\"the\\\" Admin\" <a@b.example>"));
        QCOMPARE(MailFormat::encodeMailbox({}, QStringLiteral("a@b.example")), QByteArray("<a@b.example>"));
    }

    void unicodeHeadersBecomeShortEncodedWords()
    {
        const QString subject = QString(40, QChar(0x0BA4)) + QStringLiteral(" 😀 and more ✓ text");
        const QByteArray encoded = MailFormat::encodeHeaderText(subject);
        QString decoded;
        for (const QByteArray& line : encoded.split('\n')) {
            const QByteArray word = line.trimmed();
            QVERIFY2(word.size() <= 75, word.constData());
            QVERIFY(word.startsWith("=?UTF-8?B?") && word.endsWith("?="));
            decoded += QString::fromUtf8(QByteArray::fromBase64(word.mid(10, word.size() - 12)));
        }
        // Every word decodes on its own: no character was split across two.
        QCOMPARE(decoded, subject);
        QVERIFY(MailFormat::encodeHeaderText(QStringLiteral("=?not a word?=")).startsWith("=?UTF-8?B?"));
    }

    void quotedPrintableKeepsLinesShort()
    {
        const QByteArray encoded = MailFormat::quotedPrintable(
            QString(300, QChar(0x00E9)).toUtf8() + "\nend with space \nkeep=equals\tand tab");
        for (const QByteArray& line : encoded.split('\n')) {
            QVERIFY(line.size() <= 77); // 76 + the CR
            QVERIFY(line.isEmpty() || line.endsWith('\r') || line == encoded.split('\n').constLast());
        }
        QVERIFY(encoded.contains("end with space=20\r\n"));
        QVERIFY(encoded.contains("keep=3Dequals\tand tab"));
        QVERIFY(encoded.contains("=C3=A9"));
    }

    void renderedMessageHasEveryHeader()
    {
        const QByteArray message = MailFormat::render(sampleMail());
        const QByteArray headers = message.left(message.indexOf("\r\n\r\n"));
        for (const auto& expected :
             {QByteArray("Date: Wed, 18 Nov 2026 11:06:40 +0000"), QByteArray("From: \"Help Desk\" <helpdesk@example.com>"),
              QByteArray("Message-ID: <ccr.abc.1@example.com>"), QByteArray("In-Reply-To: <ticket-42@example.com>"),
              QByteArray("References: <ticket-42@example.com>"), QByteArray("Auto-Submitted: auto-generated"),
              QByteArray("MIME-Version: 1.0"), QByteArray("Content-Type: multipart/alternative; boundary=")})
            QVERIFY2(headers.contains(expected), expected.constData());
        QVERIFY(headers.contains("To: =?UTF-8?B?"));
        QVERIFY(headers.contains("Subject: =?UTF-8?B?"));
        // Only CRLF line ends, and nothing but 7-bit ASCII on the wire.
        QVERIFY(!QString::fromLatin1(message).contains(QRegularExpression(QStringLiteral("[^\\r]\\n"))));
        for (const char byte : message)
            QVERIFY(static_cast<unsigned char>(byte) < 128);
        QVERIFY(message.contains("Content-Type: text/plain; charset=UTF-8"));
        QVERIFY(message.contains("Content-Type: text/html; charset=UTF-8"));
        QVERIFY(message.endsWith("--\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestMailFormat)
#include "TestMailFormat.moc"
