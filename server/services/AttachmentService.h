#pragma once

#include "Caller.h"
#include "TicketPolicy.h"
#include "common/Result.h"
#include "common/tickets/AttachmentInfo.h"
#include "common/tickets/BeginUploadParams.h"
#include "common/tickets/DownloadChunk.h"
#include "common/tickets/DownloadParams.h"
#include "common/tickets/UploadChunkParams.h"
#include "common/tickets/UploadProgress.h"
#include "common/tickets/UploadStarted.h"

#include <QCryptographicHash>
#include <QFile>
#include <map>
#include <memory>

namespace ccr::server {

class AttachmentStore;
class Clock;
class TicketQueries;

/**
 * Files in and out, in chunks so a large file never holds up other requests. An upload is
 * written to a part file while its SHA-256 is computed, checked against the hash the client
 * announced, and stored once per content under attachments/ in the data directory. It then
 * waits, owned by its uploader, until a new ticket or reply attaches it.
 */
class AttachmentService final
{
public:
    AttachmentService(AttachmentStore& store, const TicketQueries& queries, const Clock& clock,
                      const TicketPolicy& policy, const QString& dataDir);
    ~AttachmentService();

    common::Result<common::UploadStarted> begin(const Caller& caller, const common::BeginUploadParams& params);
    common::Result<common::UploadProgress> chunk(const Caller& caller, const common::UploadChunkParams& params);
    common::Result<common::AttachmentInfo> finish(const Caller& caller, qint64 uploadId);
    common::Result<common::DownloadChunk> download(const Caller& caller, const common::DownloadParams& params) const;

    static constexpr qint64 kChunkSize = 256 * 1024;
    static constexpr int kMaxUploadsPerUser = 4;

private:
    struct Upload
    {
        qint64 userId = 0;
        common::BeginUploadParams params;
        qint64 received = 0;
        std::unique_ptr<QFile> part;
        QCryptographicHash hash{QCryptographicHash::Sha256};
        QDateTime lastActivity;
    };

    void discard(qint64 uploadId);
    void discardIdleUploads();
    QString blobPath(const QString& sha256) const;

    AttachmentStore& m_store;
    const TicketQueries& m_queries;
    const Clock& m_clock;
    const TicketPolicy& m_policy;
    QString m_blobDir;
    QString m_partDir;
    std::map<qint64, std::unique_ptr<Upload>> m_uploads;
    qint64 m_nextUploadId = 1;
};

} // namespace ccr::server
