#include "MailFormat.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QTimeZone>

namespace ccr::server::MailFormat {

namespace {

constexpr int kMaxEncodedWord = 75;
const QByteArray kCrlf("\r\n");

bool isPlainHeaderText(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    // "=?" would be read as the start of an encoded word.
    return !text.contains(QLatin1String("=?"));
}

QByteArray normalizeLineEnds(const QByteArray& text)
{
    QByteArray unix = text;
    unix.replace("\r\n", "\n");
    unix.replace('\r', '\n');
    return unix;
}

} // namespace

QByteArray encodeHeaderText(const QString& text)
{
    if (isPlainHeaderText(text))
        return text.toLatin1();
    // Each word: "=?UTF-8?B?" + base64 + "?=" <= 75, so at most 45 bytes of UTF-8 per word.
    constexpr int kPrefix = 10;
    constexpr int kSuffix = 2;
    constexpr int kMaxRawBytes = (kMaxEncodedWord - kPrefix - kSuffix) / 4 * 3;
    QList<QByteArray> words;
    QByteArray current;
    for (qsizetype i = 0; i < text.size(); ++i) {
        // Keep surrogate pairs together so no character is split between words.
        const qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QByteArray character = text.mid(i, length).toUtf8();
        i += length - 1;
        if (current.size() + character.size() > kMaxRawBytes) {
            words.append(current);
            current.clear();
        }
        current.append(character);
    }
    if (!current.isEmpty())
        words.append(current);
    QByteArray encoded;
    for (const auto& word : words) {
        if (!encoded.isEmpty())
            encoded += kCrlf + ' ';
        encoded += "=?UTF-8?B?" + word.toBase64() + "?=";
    }
    return encoded;
}

QByteArray encodeMailbox(const QString& name, const QString& address)
{
    if (name.trimmed().isEmpty())
        return '<' + address.toLatin1() + '>';
    QString quoted = name;
    if (isPlainHeaderText(name)) {
        quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
        return '"' + quoted.toLatin1() + "\" <" + address.toLatin1() + '>';
    }
    return encodeHeaderText(name) + " <" + address.toLatin1() + '>';
}

QByteArray quotedPrintable(const QByteArray& utf8)
{
    QByteArray out;
    const QList<QByteArray> lines = normalizeLineEnds(utf8).split('\n');
    for (qsizetype lineIndex = 0; lineIndex < lines.size(); ++lineIndex) {
        const QByteArray& line = lines.at(lineIndex);
        int column = 0;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const auto byte = static_cast<unsigned char>(line.at(i));
            const bool last = i == line.size() - 1;
            QByteArray token;
            // Trailing white space must be encoded or transports may strip it.
            if ((byte >= 33 && byte <= 126 && byte != '=') || ((byte == ' ' || byte == '\t') && !last))
                token = QByteArray(1, static_cast<char>(byte));
            else
                token = '=' + QByteArray::number(byte, 16).toUpper().rightJustified(2, '0');
            if (column + token.size() > 75) {
                out += "=" + kCrlf;
                column = 0;
            }
            out += token;
            column += static_cast<int>(token.size());
        }
        if (lineIndex + 1 < lines.size())
            out += kCrlf;
    }
    return out;
}

QByteArray formatDate(const QDateTime& when)
{
    return QLocale::c().toString(when.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1() + " +0000";
}

QByteArray render(const OutgoingMail& mail)
{
    const QByteArray boundary =
        "=_ccr_" + QCryptographicHash::hash(mail.messageId.toUtf8(), QCryptographicHash::Sha1).toHex().left(24);
    QByteArray out;
    auto header = [&out](const QByteArray& name, const QByteArray& value) { out += name + ": " + value + kCrlf; };
    header("Date", formatDate(mail.date));
    header("From", encodeMailbox(mail.fromName, mail.fromAddress));
    header("To", encodeMailbox(mail.toName, mail.toAddress));
    header("Subject", encodeHeaderText(mail.subject));
    header("Message-ID", '<' + mail.messageId.toLatin1() + '>');
    if (!mail.inReplyTo.isEmpty())
        header("In-Reply-To", '<' + mail.inReplyTo.toLatin1() + '>');
    if (!mail.references.isEmpty()) {
        QByteArrayList ids;
        for (const auto& id : mail.references)
            ids.append('<' + id.toLatin1() + '>');
        header("References", ids.join(kCrlf + ' '));
    }
    // RFC 3834: tells auto-responders not to answer, which prevents mail loops.
    header("Auto-Submitted", "auto-generated");
    header("X-Auto-Response-Suppress", "All");
    header("MIME-Version", "1.0");
    header("Content-Type", "multipart/alternative; boundary=\"" + boundary + '"');
    out += kCrlf;
    auto part = [&](const QByteArray& type, const QString& body) {
        out += "--" + boundary + kCrlf;
        out += "Content-Type: " + type + "; charset=UTF-8" + kCrlf;
        out += "Content-Transfer-Encoding: quoted-printable" + kCrlf + kCrlf;
        out += quotedPrintable(body.toUtf8()) + kCrlf;
    };
    part("text/plain", mail.textBody);
    part("text/html", mail.htmlBody);
    out += "--" + boundary + "--" + kCrlf;
    return out;
}

} // namespace ccr::server::MailFormat
