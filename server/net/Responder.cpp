#include "Responder.h"

#include "ClientConnection.h"

namespace ccr::server {

Responder::Responder(ClientConnection* connection, quint64 requestId) : m_connection(connection), m_requestId(requestId)
{}

void Responder::reply(const QCborMap& result) const
{
    if (m_connection)
        m_connection->sendReply(m_requestId, result);
}

void Responder::fail(const common::Error& error) const
{
    if (m_connection)
        m_connection->sendError(m_requestId, error);
}

} // namespace ccr::server
