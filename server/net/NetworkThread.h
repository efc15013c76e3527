#pragma once

#include <QThread>

namespace ccr::server {

/**
 * The thread the clients' sockets live on once their TLS handshake is done (ConnectionIo):
 * TLS records, frames and CBOR are encoded and decoded here, beside the request thread,
 * which then only runs requests and their commits. An event loop and nothing else.
 */
class NetworkThread final : public QThread
{
    Q_OBJECT
public:
    explicit NetworkThread(QObject* parent = nullptr);
    /** Stops the loop; what it still owns is deleted on the thread before it ends. */
    ~NetworkThread() override;

    void stop();
};

} // namespace ccr::server
