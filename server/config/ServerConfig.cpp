#include "ServerConfig.h"

#include <QDir>
#include <QStandardPaths>

namespace ccr::server {

QString ServerConfig::databasePath() const
{
    return QDir(dataDir).filePath(QStringLiteral("ccr.sqlite3"));
}

QString ServerConfig::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/ccr-server");
}

} // namespace ccr::server
