#include "HashWorker.h"

namespace ccr::server {

HashWorker::HashWorker(ScryptCost cost, QObject* parent) : QObject(parent), m_hasher(cost) {}

HashWorker::~HashWorker()
{
    m_pool.waitForDone();
}

template <typename T>
void HashWorker::run(std::function<T()> work, QObject* context, std::function<void(const T&)> done)
{
    ++m_pending;
    QPointer<QObject> receiver(context);
    m_pool.start([this, work = std::move(work), receiver, done = std::move(done)]() mutable {
        T result = work();
        QMetaObject::invokeMethod(
            this,
            [this, receiver, done = std::move(done), result = std::move(result)] {
                --m_pending;
                if (receiver)
                    done(result);
            },
            Qt::QueuedConnection);
    });
}

void HashWorker::hash(const QString& password, QObject* context, std::function<void(const QString&)> done)
{
    run<QString>([hasher = m_hasher, password] { return hasher.hash(password); }, context, std::move(done));
}

void HashWorker::verify(const QString& password, const QString& encoded, QObject* context,
                        std::function<void(bool)> done)
{
    run<bool>([password, encoded] { return PasswordHasher::verify(password, encoded); }, context,
              [done = std::move(done)](const bool& matches) { done(matches); });
}

} // namespace ccr::server
