#include "SessionKeeper.h"

#include "ClientLog.h"
#include "ServerId.h"
#include "common/Validation.h"

#include <QPointer>
#include <QSettings>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace ccr::app {

using common::Error;
using common::ErrorCode;
using common::Result;

namespace {

QString settingsKey(const QString& host, quint16 port)
{
    return QStringLiteral("keptSessions/") + serverId(host, port);
}

} // namespace

SessionKeeper::SessionKeeper(QObject* parent) : QObject(parent), m_settings(std::make_unique<QSettings>()) {}

SessionKeeper::SessionKeeper(const QString& iniFile, QObject* parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{}

SessionKeeper::~SessionKeeper() = default;

QString SessionKeeper::serviceName()
{
    return QStringLiteral("Customer Care Registry");
}

QString SessionKeeper::keyFor(const QString& host, quint16 port, const QString& email)
{
    return QStringLiteral("ccr-desk/") + serverId(host, port) + QLatin1Char('/') +
           common::Validation::normalizeEmail(email);
}

void SessionKeeper::save(const QString& host, quint16 port, const QString& email, const QString& token,
                         QObject* context, Done done)
{
    auto* job = new QKeychain::WritePasswordJob(serviceName());
    job->setKey(keyFor(host, port, email));
    job->setTextData(token);
    run(job, context, [this, host, port, email, done = std::move(done)](const Result<QKeychain::Job*>& result) {
        if (!result)
            return done(result.error());
        rememberAccount(host, port, email);
        qCInfo(lcClient) << "kept the session for" << serverId(host, port) << "in the keychain";
        done({});
    });
}

void SessionKeeper::load(const QString& host, quint16 port, const QString& email, QObject* context, TokenDone done)
{
    auto* job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(keyFor(host, port, email));
    run(job, context, [this, host, port, email, done = std::move(done)](const Result<QKeychain::Job*>& result) {
        if (!result)
            return done(result.error());
        if (result.value()->error() == QKeychain::EntryNotFound) {
            // Removed behind our back (e.g. in the OS keychain manager): stop asking for it at start.
            clearAccount(host, port, email);
            return done(QString());
        }
        done(static_cast<QKeychain::ReadPasswordJob*>(result.value())->textData());
    });
}

void SessionKeeper::forget(const QString& host, quint16 port, const QString& email, QObject* context, Done done)
{
    // The user asked not to be remembered: stop loading this account at start even if the
    // keychain cannot be reached now.
    clearAccount(host, port, email);
    auto* job = new QKeychain::DeletePasswordJob(serviceName());
    job->setKey(keyFor(host, port, email));
    run(job, context, [done = std::move(done)](const Result<QKeychain::Job*>& result) {
        if (!result)
            return done(result.error());
        done({});
    });
}

void SessionKeeper::probe(QObject* context, Done done)
{
    auto* job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(QStringLiteral("ccr-desk/probe"));
    run(job, context, [done = std::move(done)](const Result<QKeychain::Job*>& result) {
        if (!result)
            return done(result.error());
        done({});
    });
}

QString SessionKeeper::lastKeptAccount(const QString& host, quint16 port) const
{
    return m_settings->value(settingsKey(host, port)).toString();
}

void SessionKeeper::run(QKeychain::Job* job, QObject* context, JobDone done)
{
    // A plain-text fallback would put the token in a file: exactly what must never happen.
    job->setInsecureFallback(false);
    // Not parented to the keeper: a started job finishes and deletes itself; deleting it early
    // would cut its D-Bus call short.
    job->setAutoDelete(true);

    struct Pending
    {
        bool answered = false;
        bool hasContext = false;
        QPointer<QObject> context;
        JobDone done;
    };
    auto pending = std::make_shared<Pending>(Pending{false, context != nullptr, context, std::move(done)});
    auto deliver = [pending](const Result<QKeychain::Job*>& result) {
        if (pending->answered)
            return;
        pending->answered = true;
        if (pending->hasContext && !pending->context)
            return;
        pending->done(result);
    };

    // A keychain waiting on a prompt nobody can see (or a bus that never answers) must not
    // leave the app waiting for ever.
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [timer, deliver] {
        timer->deleteLater();
        qCWarning(lcClient) << "the keychain did not answer in time";
        deliver(Error(ErrorCode::Unavailable,
                      tr("The keychain did not answer in time, so your session cannot be kept. You will have to "
                         "sign in again next time.")));
    });
    connect(job, &QKeychain::Job::finished, this, [this, timer = QPointer<QTimer>(timer), deliver](QKeychain::Job* j) {
        if (timer)
            timer->deleteLater();
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound) {
            noteAvailable();
            return deliver(j);
        }
        deliver(errorFor(*j));
    });
    timer->start(m_timeoutMs);
    job->start();
}

Error SessionKeeper::errorFor(const QKeychain::Job& job)
{
    // errorString() is technical English ("Cannot autolaunch D-Bus ..."): logged and kept in
    // the details, while the message says what it means for the user.
    const QString detail = job.errorString();
    qCWarning(lcClient) << "keychain error" << job.error() << detail;
    QCborMap details;
    details.insert(QStringLiteral("keychainError"), detail);
    switch (job.error()) {
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error(ErrorCode::Unavailable,
                     tr("Access to the keychain was refused, so your session cannot be kept. You will have to sign "
                        "in again next time."),
                     details);
    case QKeychain::CouldNotDeleteEntry:
        return Error(ErrorCode::Unavailable,
                     tr("The keychain could not remove the kept session. You can remove the entry \"%1\" in your "
                        "system's keychain manager.")
                         .arg(serviceName()),
                     details);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        break;
    }
    Error error(ErrorCode::Unavailable,
                tr("This computer has no keychain to keep your session in, so you will have to sign in again "
                   "next time."),
                details);
    if (m_availability != Availability::Unavailable) {
        m_availability = Availability::Unavailable;
        Q_EMIT keychainUnavailable(error);
    }
    return error;
}

void SessionKeeper::noteAvailable()
{
    m_availability = Availability::Available;
}

void SessionKeeper::rememberAccount(const QString& host, quint16 port, const QString& email)
{
    m_settings->setValue(settingsKey(host, port), common::Validation::normalizeEmail(email));
    m_settings->sync();
}

void SessionKeeper::clearAccount(const QString& host, quint16 port, const QString& email)
{
    if (lastKeptAccount(host, port) != common::Validation::normalizeEmail(email))
        return;
    m_settings->remove(settingsKey(host, port));
    m_settings->sync();
}

} // namespace ccr::app
