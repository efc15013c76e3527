#pragma once

#include <QString>

namespace ccr::server {

/** How to reach the SMTP relay; from the [smtp] section of the configuration. */
struct SmtpSettings
{
    enum class Security
    {
        None,
        StartTls,
        ImplicitTls,
    };

    QString host;
    quint16 port = 587;
    Security security = Security::StartTls;
    QString username;
    QString password;
    QString fromAddress = QStringLiteral("helpdesk@localhost");
    QString fromName = QStringLiteral("Customer Care Registry");
    /** Certificate verification is on unless turned off explicitly (e.g. a test relay). */
    bool verifyPeer = true;
    QString caFile;
    int timeoutSeconds = 30;

    bool configured() const { return !host.isEmpty(); }
};

} // namespace ccr::server
