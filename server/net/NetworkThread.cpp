#include "NetworkThread.h"

#include <QCoreApplication>

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
    quit();
    wait();
}

void NetworkThread::adopt(QObject* object)
{
    Q_ASSERT(QThread::currentThread() == this && m_root);
    object->setParent(m_root);
}

void NetworkThread::run()
{
    // Sockets whose connection is still waiting for its deletion when the server stops
    // (closed, deleteLater() not run yet) are deleted here, on their own thread.
    QObject root;
    m_root = &root;
    exec();
    // Calls asked before the end still run: a socket handed over just then is adopted.
    QCoreApplication::sendPostedEvents();
    m_root = nullptr;
}

} // namespace ccr::server
