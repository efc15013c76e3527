#include "TicketNumber.h"

namespace ccr::common::TicketNumber {

QString format(qint64 ticketId)
{
    return QStringLiteral("CCR-%1").arg(ticketId, 6, 10, QLatin1Char('0'));
}

qint64 parse(const QString& number)
{
    const QString trimmed = number.trimmed();
    if (!trimmed.startsWith(QLatin1String("CCR-"), Qt::CaseInsensitive))
        return 0;
    bool ok = false;
    const qint64 id = trimmed.mid(4).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

} // namespace ccr::common::TicketNumber
