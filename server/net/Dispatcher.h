#pragma once

#include "Responder.h"
#include "common/Envelope.h"
#include "services/Caller.h"

#include <QHash>
#include <QString>
#include <functional>

namespace ccr::server {

class ClientConnection;
class Clock;

/** What a handler knows about the call it answers. */
struct CallContext
{
    ClientConnection* connection = nullptr;
    QCborMap params;
    /** Who is calling; userId 0 when not signed in. */
    Caller caller;

    qint64 userId() const { return caller.userId; }
};

/**
 * Routes each request to its handler after the checks every request shares: hello first,
 * session still valid, and the permission table. Handlers are registered per domain.
 */
class Dispatcher final
{
public:
    using Handler = std::function<void(const CallContext&, const Responder&)>;

    explicit Dispatcher(const Clock& clock) : m_clock(clock) {}

    /** Registers a handler; the method must have a permission table entry. */
    void add(const QString& method, Handler handler);

    /** Registers a handler that receives its params already decoded into Params. */
    template <typename Params, typename Fn> void addTyped(const QString& method, Fn fn)
    {
        add(method, [fn = std::move(fn)](const CallContext& context, const Responder& responder) {
            auto params = Params::fromCbor(context.params);
            if (!params)
                return responder.fail(params.error());
            fn(context, params.value(), responder);
        });
    }

    void dispatch(ClientConnection* connection, const common::RequestEnvelope& request);

private:
    const Clock& m_clock;
    QHash<QString, Handler> m_handlers;
};

} // namespace ccr::server
