#pragma once

#include "SmtpSettings.h"

#include <QByteArray>
#include <QString>

namespace ccr::server {

/** The outcome of handing one message to the SMTP relay. */
struct SmtpOutcome
{
    bool accepted = false;
    /** A 5xx reply: trying again will not help (RFC 5321 4.2.1). */
    bool permanent = false;
    long responseCode = 0;
    QString error;
};

/**
 * Hands one rendered message to the relay with libcurl: STARTTLS or implicit TLS,
 * optional AUTH, certificate verification on by default. Blocking; the relay calls it
 * from a worker thread so the server's event loop never waits on the network.
 */
class SmtpSender final
{
public:
    explicit SmtpSender(SmtpSettings settings);

    SmtpOutcome send(const QString& from, const QString& to, const QByteArray& message) const;

private:
    SmtpSettings m_settings;
};

} // namespace ccr::server
