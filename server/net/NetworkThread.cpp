#include "NetworkThread.h"

namespace ccr::server {

NetworkThread::NetworkThread(QObject* parent) : QThread(parent)
{
    setObjectName(QStringLiteral("ccr-network"));
}

NetworkThread::~NetworkThread()
{
    stop();
}

void NetworkThread::stop()
{
    // QThread deletes the objects whose deleteLater() is still pending when its loop ends.
    quit();
    wait();
}

} // namespace ccr::server
