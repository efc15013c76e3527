#pragma once

#include "ApiClient.h"

namespace ccr::app {

/** Calls a method and decodes its result into Reply (a common message type with fromCbor()). */
template <typename Reply>
void callFor(ApiClient& client, const QString& method, const QCborMap& params, QObject* context,
             std::function<void(const common::Result<Reply>&)> done)
{
    client.call(method, params, context, [done = std::move(done)](const common::Result<QCborMap>& reply) {
        if (!reply)
            return done(common::Result<Reply>(reply.error()));
        done(Reply::fromCbor(reply.value()));
    });
}

} // namespace ccr::app
