#include "ServerId.h"

#include <QHostAddress>

namespace ccr::app {

QString serverId(const QString& host, quint16 port)
{
    const QString name = host.trimmed().toLower();
    QHostAddress address;
    if (address.setAddress(name) && address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(name).arg(port);
    return QStringLiteral("%1:%2").arg(name).arg(port);
}

} // namespace ccr::app
