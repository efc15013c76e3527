#pragma once

#include <QString>

namespace ccr::server {

/** Who the help desk's mail comes from; the domain also names Message-IDs. */
struct MailIdentity
{
    QString fromAddress = QStringLiteral("helpdesk@localhost");
    QString fromName = QStringLiteral("Customer Care Registry");

    QString domain() const
    {
        const QString domain = fromAddress.section(QLatin1Char('@'), 1);
        return domain.isEmpty() ? QStringLiteral("localhost") : domain;
    }
};

} // namespace ccr::server
