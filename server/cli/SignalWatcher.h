#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <memory>

namespace ccr::server {

/**
 * Turns SIGTERM and SIGINT into a Qt signal on the event loop (self-pipe trick), so the
 * server shuts down cleanly: connections closed, database closed, WAL checkpointed.
 */
class SignalWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace ccr::server
