#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace ccr::server {

/** One email as the outbox keeps it, before it is rendered to RFC 5322 bytes. */
struct OutgoingMail
{
    QString fromAddress;
    QString fromName;
    QString toAddress;
    QString toName;
    QString subject;
    QString textBody;
    QString htmlBody;
    /** Without angle brackets, e.g. "ccr.42.1700000000@helpdesk.example". */
    QString messageId;
    /** Threading: the ticket's root Message-ID, so a mail client groups a ticket's mails. */
    QString inReplyTo;
    QStringList references;
    QDateTime date;
};

} // namespace ccr::server
