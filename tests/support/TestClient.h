#pragma once

#include "client/ApiClient.h"
#include "client/SettingsTrustStore.h"
#include "common/Envelope.h"
#include "common/messages/SessionInfo.h"

#include <QList>
#include <QTemporaryDir>
#include <memory>

namespace ccr::tests {

/**
 * The real client library with a throw-away trust store, plus blocking helpers so a test
 * reads as a sequence of calls. Records every pushed event.
 */
class TestClient final
{
public:
    /** Pins the given fingerprint (if any) and connects; check waitConnected(). */
    TestClient(quint16 port, const QString& trustedFingerprint);

    app::ApiClient& api() { return *m_client; }
    app::SettingsTrustStore& trustStore() { return *m_trust; }
    bool waitConnected(int timeoutMs = 10000);
    bool waitForState(app::ConnectionState state, int timeoutMs = 10000);

    common::Result<QCborMap> call(const QString& method, const QCborMap& params = {}, int timeoutMs = 10000);
    common::Result<common::SessionInfo> signIn(const QString& email, const QString& password);

    /** call() decoded into a result type with fromCbor(). */
    template <typename Reply>
    common::Result<Reply> callFor(const QString& method, const QCborMap& params = {})
    {
        auto reply = call(method, params);
        if (!reply)
            return reply.error();
        return Reply::fromCbor(reply.value());
    }

    /**
     * One round trip; the server answers in order, so every event it pushed to this
     * connection before has arrived when this returns true.
     */
    bool sync();

    /** Events with this name received so far. */
    QList<QCborMap> eventsNamed(const QString& name) const;
    void clearEvents() { m_events.clear(); }

    /** Waits until an event with this name arrived (or was already recorded) and returns its data. */
    std::optional<QCborMap> waitForEvent(const QString& name, int timeoutMs = 5000);
    const QList<common::EventEnvelope>& events() const { return m_events; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<app::SettingsTrustStore> m_trust;
    std::unique_ptr<app::ApiClient> m_client;
    QObject m_context;
    QList<common::EventEnvelope> m_events;
};

} // namespace ccr::tests
