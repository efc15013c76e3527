#pragma once

#include "common/Error.h"
#include "common/Result.h"
#include "common/tickets/ReplyResult.h"
#include "common/tickets/TicketDetail.h"
#include "common/tickets/TicketResult.h"

#include <QCborMap>
#include <QObject>
#include <functional>
#include <optional>

namespace ccr::app {

class ApiClient;

/**
 * One open ticket: its details and conversation as the server has them, refreshed when a
 * push event says the ticket changed, and the customer's actions on it (reply, which also
 * reopens a resolved ticket; confirm the closure; rate the resolution).
 */
class TicketThread final : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Done = std::function<void(const common::Result<T>&)>;

    explicit TicketThread(ApiClient& client, QObject* parent = nullptr);

    void open(qint64 ticketId);
    void close();
    qint64 ticketId() const { return m_ticketId; }
    const std::optional<common::TicketDetail>& detail() const { return m_detail; }

    void reply(const QString& body, const QList<qint64>& attachmentIds, QObject* context,
               Done<common::ReplyResult> done);
    /** The customer confirms a resolved ticket is done: it becomes closed. */
    void confirmClosure(QObject* context, Done<common::TicketResult> done);
    /** Rates how the (resolved or closed) ticket was handled, 1 to 5 stars; rating again replaces it. */
    void rate(int stars, const QString& comment, QObject* context, Done<common::TicketResult> done);

Q_SIGNALS:
    void changed();
    void loadFailed(const ccr::common::Error& error);

private:
    void load();
    void onEvent(const QString& event, const QCborMap& data);

    ApiClient& m_client;
    qint64 m_ticketId = 0;
    std::optional<common::TicketDetail> m_detail;
    quint64 m_generation = 0;
};

} // namespace ccr::app
