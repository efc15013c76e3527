#pragma once

#include "OutgoingMail.h"

#include <QByteArray>
#include <QString>

namespace ccr::server::MailFormat {

/**
 * A header value that may hold any Unicode: ASCII stays as it is, anything else becomes
 * RFC 2047 encoded words (UTF-8, base64) of at most 75 characters, folded onto
 * continuation lines, never splitting a character.
 */
QByteArray encodeHeaderText(const QString& text);

/** "Name <address>" with the name encoded as needed (RFC 5322 3.4). */
QByteArray encodeMailbox(const QString& name, const QString& address);

/** Quoted-printable (RFC 2045 6.7) with CRLF line ends and soft breaks at 76 columns. */
QByteArray quotedPrintable(const QByteArray& utf8);

/**
 * The whole message: headers (Date, From, To, Subject, Message-ID, In-Reply-To,
 * References, Auto-Submitted: auto-generated per RFC 3834, MIME-Version) and a
 * multipart/alternative body with a text/plain and a text/html part.
 */
QByteArray render(const OutgoingMail& mail);

/** RFC 5322 date, e.g. "Sat, 21 Nov 2026 20:37:41 +0000". */
QByteArray formatDate(const QDateTime& when);

} // namespace ccr::server::MailFormat
