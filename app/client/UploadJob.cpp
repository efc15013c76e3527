#include "UploadJob.h"

#include "ApiClient.h"
#include "TypedCall.h"
#include "common/Protocol.h"
#include "common/tickets/AttachmentResult.h"
#include "common/tickets/BeginUploadParams.h"
#include "common/tickets/UploadChunkParams.h"
#include "common/tickets/UploadProgress.h"
#include "common/tickets/UploadRef.h"
#include "common/tickets/UploadStarted.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QMimeDatabase>

namespace ccr::app {

using common::Error;
using common::ErrorCode;
namespace Method = common::Protocol::Method;

UploadJob::UploadJob(ApiClient& client, const QString& filePath, QObject* parent)
    : QObject(parent), m_client(client), m_file(filePath)
{
}

void UploadJob::start()
{
    if (!m_file.open(QIODevice::ReadOnly))
        return fail(Error(ErrorCode::NotFound, tr("Cannot read %1: %2").arg(m_file.fileName(), m_file.errorString())));
    m_size = m_file.size();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&m_file) || !m_file.seek(0))
        return fail(Error(ErrorCode::NotFound, tr("Cannot read %1.").arg(m_file.fileName())));
    const common::BeginUploadParams params{QFileInfo(m_file.fileName()).fileName(), m_size,
                                           QString::fromLatin1(hash.result().toHex()),
                                           QMimeDatabase().mimeTypeForFile(m_file.fileName()).name()};
    callFor<common::UploadStarted>(m_client, Method::BeginUpload, params.toCbor(), this,
                                   [this](const common::Result<common::UploadStarted>& started) {
                                       if (!started)
                                           return fail(started.error());
                                       m_uploadId = started->uploadId;
                                       m_chunkSize = started->chunkSize;
                                       sendNextChunk();
                                   });
}

void UploadJob::sendNextChunk()
{
    if (m_sent >= m_size)
        return finishUpload();
    const QByteArray data = m_file.read(m_chunkSize);
    if (data.isEmpty())
        return fail(Error(ErrorCode::NotFound, tr("%1 changed while it was being sent.").arg(m_file.fileName())));
    callFor<common::UploadProgress>(m_client, Method::UploadChunk,
                                    common::UploadChunkParams{m_uploadId, m_sent, data}.toCbor(), this,
                                    [this](const common::Result<common::UploadProgress>& received) {
                                        if (!received)
                                            return fail(received.error());
                                        m_sent = received->received;
                                        Q_EMIT progress(m_sent, m_size);
                                        sendNextChunk();
                                    });
}

void UploadJob::finishUpload()
{
    callFor<common::AttachmentResult>(m_client, Method::FinishUpload, common::UploadRef{m_uploadId}.toCbor(), this,
                                      [this](const common::Result<common::AttachmentResult>& stored) {
                                          if (!stored)
                                              return fail(stored.error());
                                          Q_EMIT finished(stored->attachment);
                                          deleteLater();
                                      });
}

void UploadJob::fail(const Error& error)
{
    Q_EMIT finished(error);
    deleteLater();
}

} // namespace ccr::app
