#pragma once

#include "common/Result.h"

#include <QCborMap>
#include <QPointer>

namespace ccr::server {

class ClientConnection;

/**
 * Answers one request, now or later (after a worker thread finished). If the client went
 * away meanwhile the answer is dropped. Call exactly one of reply() or fail().
 */
class Responder final
{
public:
    Responder(ClientConnection* connection, quint64 requestId);

    void reply(const QCborMap& result) const;
    void fail(const common::Error& error) const;

    /** Sends a Result<T> whose value has toCbor(). */
    template <typename T> void send(const common::Result<T>& result) const
    {
        if (result)
            reply(result.value().toCbor());
        else
            fail(result.error());
    }
    /** Sends a result already encoded (e.g. by a reader thread). */
    void send(const common::Result<QCborMap>& result) const
    {
        if (result)
            reply(result.value());
        else
            fail(result.error());
    }
    void send(const common::Result<void>& result) const
    {
        if (result)
            reply({});
        else
            fail(result.error());
    }

private:
    QPointer<ClientConnection> m_connection;
    quint64 m_requestId;
};

} // namespace ccr::server
