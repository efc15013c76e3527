#pragma once

#include "PinnedTrustStore.h"
#include "client/ApiClient.h"
#include "common/Result.h"

#include <QCborMap>
#include <functional>
#include <memory>
#include <vector>

namespace ccr::bench {

/** A request the load loop sends. */
struct Request
{
    QString method;
    QCborMap params;
};

/**
 * Many real client connections (the product's ApiClient over TLS) from one thread, and a
 * closed loop that keeps each of them busy: the next request goes out when the reply to the
 * previous one arrived, as an impatient user or integration would behave.
 */
class ClientPool final
{
public:
    ClientPool(quint16 port, const QString& fingerprint);
    ~ClientPool();

    /** Opens count connections and waits until all are up; with a token each resumes that session first. */
    QList<app::ApiClient*> open(int count, const QString& sessionToken = {});
    void closeAll();

    /** One call, waiting for its reply. */
    static common::Result<QCborMap> callAndWait(app::ApiClient& client, const QString& method,
                                                const QCborMap& params = {}, int timeoutMs = 60000);
    /** Signs in and returns the session token. */
    static common::Result<QString> signIn(app::ApiClient& client, const QString& email, const QString& password);

    /** Runs the closed loop for the given time and returns one latency sample per reply. */
    static class LatencyStats run(const QList<app::ApiClient*>& clients, double seconds,
                                  const std::function<Request(int client, qint64 iteration)>& next);

private:
    quint16 m_port;
    PinnedTrustStore m_trust;
    std::vector<std::unique_ptr<app::ApiClient>> m_clients;
};

} // namespace ccr::bench
