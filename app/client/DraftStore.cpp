#include "DraftStore.h"

#include "ClientLog.h"
#include "ServerId.h"

#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <algorithm>

namespace ccr::app {

using common::Error;
using common::ErrorCode;
using common::Result;

namespace {

// File layout: {format: "ccr-drafts", version: 1, scopes: {"<host:port>/<userId>": {<key>: {savedAt, fields}}}}
const QString kFormat = QStringLiteral("format");
const QString kFormatName = QStringLiteral("ccr-drafts");
const QString kVersion = QStringLiteral("version");
const QString kScopes = QStringLiteral("scopes");
const QString kSavedAt = QStringLiteral("savedAt");
const QString kFields = QStringLiteral("fields");
constexpr qint64 kFileVersion = 1;

bool isDraft(const QCborValue& value)
{
    return value.isMap() && value.toMap().value(kFields).isMap();
}

} // namespace

DraftStore::DraftStore(const QString& host, quint16 port, qint64 userId, QObject* parent)
    : DraftStore(defaultFilePath(), host, port, userId, parent)
{}

DraftStore::DraftStore(const QString& filePath, const QString& host, quint16 port, qint64 userId, QObject* parent)
    : QObject(parent), m_filePath(filePath), m_scope(serverId(host, port) + QLatin1Char('/') + QString::number(userId))
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kDefaultFlushDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { (void)flush(); });
}

DraftStore::~DraftStore()
{
    (void)flush();
}

QString DraftStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/drafts.cbor");
}

QString DraftStore::newTicketKey()
{
    return QStringLiteral("new-ticket");
}

QString DraftStore::replyKey(qint64 ticketId)
{
    return QStringLiteral("reply/%1").arg(ticketId);
}

void DraftStore::save(const QString& key, const QVariantMap& fields)
{
    ensureLoaded();
    if (fields.isEmpty())
        return remove(key);
    QCborMap draft;
    draft.insert(kSavedAt, QCborValue(QDateTime::currentDateTimeUtc()));
    draft.insert(kFields, QCborMap::fromVariantMap(fields));
    m_drafts.insert(key, draft);
    changed(key);
}

QVariantMap DraftStore::load(const QString& key) const
{
    ensureLoaded();
    return m_drafts.value(key).toMap().value(kFields).toMap().toVariantMap();
}

QDateTime DraftStore::savedAt(const QString& key) const
{
    ensureLoaded();
    return m_drafts.value(key).toMap().value(kSavedAt).toDateTime();
}

bool DraftStore::contains(const QString& key) const
{
    ensureLoaded();
    return m_drafts.contains(key);
}

void DraftStore::remove(const QString& key)
{
    ensureLoaded();
    m_drafts.remove(key);
    changed(key);
}

QStringList DraftStore::keys() const
{
    ensureLoaded();
    QStringList result;
    for (auto it = m_drafts.constBegin(); it != m_drafts.constEnd(); ++it)
        result.append(it.key().toString());
    std::sort(result.begin(), result.end());
    return result;
}

Result<void> DraftStore::flush()
{
    m_flushTimer.stop();
    if (m_changed.isEmpty())
        return {};
    auto scopes = readScopes();
    if (!scopes) {
        qCWarning(lcClient) << "drafts not written:" << scopes.error().message;
        Q_EMIT writeFailed(scopes.error());
        return scopes.error();
    }
    // Only the drafts changed here replace what is on disk: other stores' drafts, and this
    // user's other drafts saved by another store meanwhile, survive.
    QCborMap all = scopes.value();
    QCborMap scope = all.value(m_scope).toMap();
    for (const QString& key : std::as_const(m_changed)) {
        if (m_drafts.contains(key))
            scope.insert(key, m_drafts.value(key));
        else
            scope.remove(key);
    }
    if (scope.isEmpty())
        all.remove(m_scope);
    else
        all.insert(m_scope, scope);
    if (auto written = write(all); !written) {
        qCWarning(lcClient) << "drafts not written:" << written.error().message;
        Q_EMIT writeFailed(written.error());
        return written;
    }
    m_changed.clear();
    adopt(scope);
    return {};
}

void DraftStore::ensureLoaded() const
{
    if (m_loaded)
        return;
    m_loaded = true;
    auto scopes = readScopes();
    if (!scopes) {
        // Start empty; flush() reads again and refuses to overwrite a file it cannot read.
        qCWarning(lcClient) << "drafts not loaded:" << scopes.error().message;
        return;
    }
    adopt(scopes.value().value(m_scope).toMap());
}

void DraftStore::adopt(const QCborMap& scope) const
{
    m_drafts = {};
    for (auto it = scope.constBegin(); it != scope.constEnd(); ++it) {
        if (it.key().isString() && isDraft(it.value()))
            m_drafts.insert(it.key(), it.value());
        else
            qCWarning(lcClient) << "skipped a malformed draft in" << m_filePath;
    }
}

Result<QCborMap> DraftStore::readScopes() const
{
    QFile file(m_filePath);
    if (!file.exists())
        return QCborMap();
    if (!file.open(QIODevice::ReadOnly))
        return Error(
            ErrorCode::Unavailable,
            tr("Cannot read the drafts file %1: %2").arg(QDir::toNativeSeparators(m_filePath), file.errorString()));
    const QByteArray bytes = file.readAll();
    file.close();
    QCborParserError parseError;
    const QCborValue root = QCborValue::fromCbor(bytes, &parseError);
    const QCborMap map = root.toMap();
    const bool valid = parseError.error == QCborError::NoError && root.isMap() &&
                       map.value(kFormat).toString() == kFormatName &&
                       map.value(kVersion).toInteger() == kFileVersion && map.value(kScopes).isMap();
    if (valid)
        return map.value(kScopes).toMap();
    if (auto moved = setAside(); !moved)
        return moved.error();
    return QCborMap();
}

Result<void> DraftStore::setAside() const
{
    // Never overwrite an earlier bad file: each one may hold text someone wants back.
    QString target = m_filePath + QStringLiteral(".corrupt");
    for (int n = 1; QFile::exists(target); ++n)
        target = m_filePath + QStringLiteral(".corrupt.%1").arg(n);
    if (!QFile::rename(m_filePath, target))
        return Error(
            ErrorCode::Unavailable,
            tr("The drafts file %1 is damaged and cannot be moved aside.").arg(QDir::toNativeSeparators(m_filePath)));
    qCWarning(lcClient) << "the drafts file could not be decoded; kept it as" << target << "and started empty";
    return {};
}

Result<void> DraftStore::write(const QCborMap& scopes)
{
    const QString dir = QFileInfo(m_filePath).absolutePath();
    if (!QDir().mkpath(dir))
        return Error(ErrorCode::Unavailable,
                     tr("Cannot create the folder %1 for drafts.").arg(QDir::toNativeSeparators(dir)));
    QCborMap root;
    root.insert(kFormat, kFormatName);
    root.insert(kVersion, kFileVersion);
    root.insert(kScopes, scopes);
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Unavailable,
                     tr("Cannot save drafts in %1: %2").arg(QDir::toNativeSeparators(m_filePath), file.errorString()));
    // Drafts are private text: readable by their owner only.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(root.toCborValue().toCbor());
    if (!file.commit())
        return Error(ErrorCode::Unavailable,
                     tr("Cannot save drafts in %1: %2").arg(QDir::toNativeSeparators(m_filePath), file.errorString()));
    return {};
}

void DraftStore::changed(const QString& key)
{
    m_changed.insert(key);
    // Not restarted on every keystroke: steady typing is still written every flushDelayMs.
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

} // namespace ccr::app
