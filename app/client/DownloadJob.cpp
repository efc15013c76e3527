#include "DownloadJob.h"

#include "ApiClient.h"
#include "TypedCall.h"
#include "common/Protocol.h"
#include "common/tickets/DownloadChunk.h"
#include "common/tickets/DownloadParams.h"

namespace ccr::app {

using common::Error;
using common::ErrorCode;

DownloadJob::DownloadJob(ApiClient& client, qint64 attachmentId, const QString& targetPath, QObject* parent)
    : QObject(parent), m_client(client), m_attachmentId(attachmentId), m_file(targetPath)
{
}

void DownloadJob::start()
{
    if (!m_file.open(QIODevice::WriteOnly))
        return fail(Error(ErrorCode::Unavailable, tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString())));
    requestNextChunk();
}

void DownloadJob::requestNextChunk()
{
    callFor<common::DownloadChunk>(
        m_client, common::Protocol::Method::Download, common::DownloadParams{m_attachmentId, m_received, 0}.toCbor(),
        this, [this](const common::Result<common::DownloadChunk>& chunk) {
            if (!chunk)
                return fail(chunk.error());
            if (chunk->offset != m_received || (chunk->data.isEmpty() && m_received < chunk->size))
                return fail(Error(ErrorCode::BadFrame, tr("The server sent the file out of order.")));
            if (m_file.write(chunk->data) != chunk->data.size())
                return fail(Error(ErrorCode::Unavailable, tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString())));
            m_hash.addData(chunk->data);
            m_received += chunk->data.size();
            Q_EMIT progress(m_received, chunk->size);
            if (m_received < chunk->size)
                return requestNextChunk();
            if (QString::fromLatin1(m_hash.result().toHex()) != chunk->sha256)
                return fail(Error(ErrorCode::BadFrame, tr("The file arrived damaged (checksum mismatch); nothing was saved.")));
            if (!m_file.commit())
                return fail(Error(ErrorCode::Unavailable, tr("Cannot save %1: %2").arg(m_file.fileName(), m_file.errorString())));
            Q_EMIT finished(m_file.fileName());
            deleteLater();
        });
}

void DownloadJob::fail(const Error& error)
{
    m_file.cancelWriting();
    Q_EMIT finished(error);
    deleteLater();
}

} // namespace ccr::app
