#pragma once

#include <QThread>

namespace ccr::server {

/**
 * The thread the clients' sockets live on once their TLS handshake is done (ConnectionIo):
 * TLS records, frames and CBOR are encoded and decoded here, beside the request thread,
 * which then only runs requests and their commits. An event loop; what is adopted (a
 * ConnectionIo once it runs here) is deleted here when the loop ends, if still there.
 */
class NetworkThread final : public QThread
{
    Q_OBJECT
public:
    explicit NetworkThread(QObject* parent = nullptr);
    /** Stops the loop; what it still owns is deleted on the thread before it ends. */
    ~NetworkThread() override;

    void stop();
    /** On this thread: object is deleted with the thread's end unless deleted before. */
    void adopt(QObject* object);

protected:
    void run() override;

private:
    QObject* m_root = nullptr; // lives on this thread, only while run() runs
};

} // namespace ccr::server
