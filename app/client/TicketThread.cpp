#include "TicketThread.h"

#include "ApiClient.h"
#include "TypedCall.h"
#include "common/Protocol.h"
#include "common/tickets/RateTicketParams.h"
#include "common/tickets/ReplyParams.h"
#include "common/tickets/SetStatusParams.h"
#include "common/tickets/TicketRef.h"

namespace ccr::app {

namespace Method = common::Protocol::Method;
namespace Event = common::Protocol::Event;

TicketThread::TicketThread(ApiClient& client, QObject* parent) : QObject(parent), m_client(client)
{
    connect(&m_client, &ApiClient::eventReceived, this, &TicketThread::onEvent);
    // After a reconnect pushes may have been missed: read the ticket again.
    connect(&m_client, &ApiClient::stateChanged, this, [this](ConnectionState state) {
        if (state == ConnectionState::Connected && m_ticketId > 0)
            load();
    });
}

void TicketThread::open(qint64 ticketId)
{
    m_ticketId = ticketId;
    m_detail.reset();
    Q_EMIT changed();
    load();
}

void TicketThread::close()
{
    ++m_generation;
    m_ticketId = 0;
    m_detail.reset();
    Q_EMIT changed();
}

void TicketThread::load()
{
    const quint64 generation = ++m_generation;
    callFor<common::TicketDetail>(m_client, Method::GetTicket, common::TicketRef{m_ticketId, {}}.toCbor(), this,
                                  [this, generation](const common::Result<common::TicketDetail>& detail) {
                                      if (generation != m_generation)
                                          return;
                                      if (!detail) {
                                          Q_EMIT loadFailed(detail.error());
                                          return;
                                      }
                                      m_detail = detail.value();
                                      Q_EMIT changed();
                                  });
}

void TicketThread::onEvent(const QString& event, const QCborMap& data)
{
    if (m_ticketId <= 0)
        return;
    if (event == Event::TicketRemoved) {
        if (data.value(QLatin1String("ticketId")).toInteger() == m_ticketId)
            close();
        return;
    }
    if (event != Event::TicketUpdated && event != Event::TicketAssigned && event != Event::TicketMessage)
        return;
    const qint64 id = data.value(QLatin1String("ticket")).toMap().value(QLatin1String("id")).toInteger();
    // The event carries the ticket, not the timeline entries a change adds: read them all.
    if (id == m_ticketId)
        load();
}

void TicketThread::reply(const QString& body, const QList<qint64>& attachmentIds, QObject* context,
                         Done<common::ReplyResult> done)
{
    // No expectedVersion: a customer's reply is never refused because staff changed the ticket meanwhile.
    const common::ReplyParams params{m_ticketId, body, false, attachmentIds, 0};
    callFor<common::ReplyResult>(m_client, Method::Reply, params.toCbor(), context,
                                 [this, done](const common::Result<common::ReplyResult>& result) {
                                     if (result)
                                         load();
                                     done(result);
                                 });
}

void TicketThread::rate(int stars, const QString& comment, QObject* context, Done<common::TicketResult> done)
{
    const common::RateTicketParams params{m_ticketId, stars, comment.trimmed()};
    callFor<common::TicketResult>(m_client, Method::RateTicket, params.toCbor(), context,
                                  [this, done](const common::Result<common::TicketResult>& result) {
                                      if (result)
                                          load();
                                      done(result);
                                  });
}

void TicketThread::confirmClosure(QObject* context, Done<common::TicketResult> done)
{
    const common::SetStatusParams params{m_ticketId, common::TicketStatus::Closed};
    callFor<common::TicketResult>(m_client, Method::SetStatus, params.toCbor(), context,
                                  [this, done](const common::Result<common::TicketResult>& result) {
                                      if (result)
                                          load();
                                      done(result);
                                  });
}

} // namespace ccr::app
