#include "AttachmentService.h"

#include "Clock.h"
#include "ServiceLog.h"
#include "TicketAccess.h"
#include "TicketQueries.h"
#include "common/FieldError.h"
#include "store/AttachmentStore.h"

#include <QDir>
#include <QRegularExpression>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

constexpr qint64 kIdleUploadSeconds = 15 * 60;

Error noSuchUpload()
{
    return Error(ErrorCode::NotFound, QStringLiteral("There is no such upload in progress; start it again."));
}

bool isSha256Hex(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{64}$"));
    return pattern.match(text).hasMatch();
}

} // namespace

AttachmentService::AttachmentService(AttachmentStore& store, const TicketQueries& queries, const Clock& clock,
                                     const TicketPolicy& policy, const QString& dataDir)
    : m_store(store), m_queries(queries), m_clock(clock), m_policy(policy),
      m_blobDir(QDir(dataDir).filePath(QStringLiteral("attachments"))),
      m_partDir(QDir(dataDir).filePath(QStringLiteral("uploads")))
{
    QDir().mkpath(m_blobDir);
    // Part files left by a crash belong to uploads nobody can finish any more.
    QDir parts(m_partDir);
    if (parts.exists())
        parts.removeRecursively();
    QDir().mkpath(m_partDir);
}

AttachmentService::~AttachmentService()
{
    while (!m_uploads.empty())
        discard(m_uploads.begin()->first);
}

common::Result<common::UploadStarted> AttachmentService::begin(const Caller& caller,
                                                               const common::BeginUploadParams& params)
{
    discardIdleUploads();
    const QString name = params.fileName.trimmed();
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) ||
        name == QLatin1String("..") || name == QLatin1String("."))
        return common::validationError({{QStringLiteral("fileName"), common::FieldProblem::InvalidFormat}});
    if (!isSha256Hex(params.sha256))
        return common::validationError({{QStringLiteral("sha256"), common::FieldProblem::InvalidFormat}});
    if (params.size < 0)
        return common::validationError({{QStringLiteral("size"), common::FieldProblem::InvalidFormat}});
    if (params.size > m_policy.maxAttachmentBytes)
        return Error(ErrorCode::TooLarge,
                     QStringLiteral("Files may be at most %1 MB.").arg(m_policy.maxAttachmentBytes / (1024 * 1024)),
                     {{QLatin1String("maxBytes"), m_policy.maxAttachmentBytes}});
    const auto ownUploads = std::count_if(m_uploads.cbegin(), m_uploads.cend(),
                                          [&](const auto& entry) { return entry.second->userId == caller.userId; });
    if (ownUploads >= kMaxUploadsPerUser)
        return Error(ErrorCode::Unavailable,
                     QStringLiteral("Finish your other uploads first (at most %1 at once).").arg(kMaxUploadsPerUser));

    auto upload = std::make_unique<Upload>();
    upload->userId = caller.userId;
    upload->params = params;
    upload->params.fileName = name;
    upload->lastActivity = m_clock.now();
    const qint64 id = m_nextUploadId++;
    upload->part = std::make_unique<QFile>(QDir(m_partDir).filePath(QStringLiteral("%1.part").arg(id)));
    if (!upload->part->open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error(ErrorCode::Unavailable, QStringLiteral("The server cannot store files right now."));
    m_uploads.emplace(id, std::move(upload));
    return common::UploadStarted{id, kChunkSize};
}

common::Result<common::UploadProgress> AttachmentService::chunk(const Caller& caller,
                                                                const common::UploadChunkParams& params)
{
    auto it = m_uploads.find(params.uploadId);
    if (it == m_uploads.end() || it->second->userId != caller.userId)
        return noSuchUpload();
    Upload& upload = *it->second;
    if (params.offset != upload.received)
        return Error(ErrorCode::Conflict, QStringLiteral("Expected the bytes from offset %1.").arg(upload.received),
                     {{QLatin1String("received"), upload.received}});
    if (params.data.size() > kChunkSize || upload.received + params.data.size() > upload.params.size) {
        discard(params.uploadId);
        return Error(ErrorCode::TooLarge, QStringLiteral("More bytes arrived than the upload announced."));
    }
    if (upload.part->write(params.data) != params.data.size()) {
        discard(params.uploadId);
        return Error(ErrorCode::Unavailable, QStringLiteral("The server could not store the file (disk full?)."));
    }
    upload.hash.addData(params.data);
    upload.received += params.data.size();
    upload.lastActivity = m_clock.now();
    return common::UploadProgress{upload.received};
}

common::Result<common::AttachmentInfo> AttachmentService::finish(const Caller& caller, qint64 uploadId)
{
    auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end() || it->second->userId != caller.userId)
        return noSuchUpload();
    Upload& upload = *it->second;
    if (upload.received != upload.params.size)
        return Error(ErrorCode::Conflict,
                     QStringLiteral("Only %1 of %2 bytes have arrived.").arg(upload.received).arg(upload.params.size));
    const QString actual = QString::fromLatin1(upload.hash.result().toHex());
    if (actual != upload.params.sha256) {
        discard(uploadId);
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("The file arrived damaged (its SHA-256 does not match); send it again."),
                     {{QLatin1String("fields"), QCborMap{{QLatin1String("sha256"), QStringLiteral("mismatch")}}}});
    }
    if (!upload.part->flush()) {
        discard(uploadId);
        return Error(ErrorCode::Unavailable, QStringLiteral("The server could not store the file (disk full?)."));
    }
    upload.part->close();

    // Stored once per content: a second upload of the same bytes reuses the file.
    const QString target = blobPath(actual);
    QDir().mkpath(QFileInfo(target).absolutePath());
    if (QFile::exists(target))
        upload.part->remove();
    else if (!upload.part->rename(target)) {
        discard(uploadId);
        return Error(ErrorCode::Unavailable, QStringLiteral("The server could not store the file."));
    }

    common::AttachmentInfo info;
    info.fileName = upload.params.fileName;
    info.size = upload.params.size;
    info.sha256 = actual;
    info.mimeType = upload.params.mimeType;
    info.createdAt = m_clock.now();
    m_uploads.erase(it);
    auto id = m_store.insertPending(info, caller.userId);
    if (!id)
        return id.error();
    info.id = id.value();
    qCInfo(lcTickets) << "attachment" << info.id << "stored," << info.size << "bytes, by user" << caller.userId;
    return info;
}

common::Result<common::DownloadChunk> AttachmentService::download(const Caller& caller,
                                                                  const common::DownloadParams& params) const
{
    const auto attachment = m_store.find(params.attachmentId);
    const Error notFound(ErrorCode::NotFound, QStringLiteral("There is no such file that you can see."));
    if (!attachment)
        return notFound;
    if (attachment->ticketId == 0) {
        if (m_store.uploaderOf(attachment->id) != caller.userId)
            return notFound;
    } else {
        if (!m_queries.visibleTicket(caller, {attachment->ticketId, {}}))
            return notFound;
        if (!TicketAccess::seesInternal(caller) && m_store.isOnInternalNote(attachment->id))
            return notFound;
    }
    const qint64 length = params.length > 0 ? std::min(params.length, kChunkSize) : kChunkSize;
    if (params.offset < 0 || params.offset > attachment->size)
        return Error(ErrorCode::InvalidParams, QStringLiteral("offset is outside the file."));
    QFile file(blobPath(attachment->sha256));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(params.offset))
        return Error(ErrorCode::Unavailable, QStringLiteral("The file is missing on the server."));
    return common::DownloadChunk{params.offset, attachment->size, attachment->sha256, file.read(length)};
}

void AttachmentService::discard(qint64 uploadId)
{
    auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end())
        return;
    it->second->part->close();
    it->second->part->remove();
    m_uploads.erase(it);
}

void AttachmentService::discardIdleUploads()
{
    const QDateTime cutoff = m_clock.now().addSecs(-kIdleUploadSeconds);
    QList<qint64> idle;
    for (const auto& [id, upload] : m_uploads) {
        if (upload->lastActivity < cutoff)
            idle.append(id);
    }
    for (const qint64 id : idle)
        discard(id);
}

QString AttachmentService::blobPath(const QString& sha256) const
{
    return QDir(m_blobDir).filePath(sha256.left(2) + QLatin1Char('/') + sha256);
}

} // namespace ccr::server
