#pragma once

#include "common/Result.h"
#include "common/tickets/AttachmentInfo.h"

#include <QFile>
#include <QObject>

namespace ccr::app {

class ApiClient;

/**
 * Sends one file to the server in chunks (attachments.begin / chunk / finish), one chunk at
 * a time so other requests interleave, reporting progress. The result is an attachment id
 * to pass with a new ticket or reply. Deletes itself after finished().
 */
class UploadJob final : public QObject
{
    Q_OBJECT
public:
    UploadJob(ApiClient& client, const QString& filePath, QObject* parent = nullptr);

    /** Hashes the file, then starts sending. */
    void start();
    qint64 size() const { return m_size; }

Q_SIGNALS:
    void progress(qint64 sent, qint64 total);
    void finished(const ccr::common::Result<ccr::common::AttachmentInfo>& result);

private:
    void sendNextChunk();
    void finishUpload();
    void fail(const common::Error& error);

    ApiClient& m_client;
    QFile m_file;
    qint64 m_size = 0;
    qint64 m_uploadId = 0;
    qint64 m_chunkSize = 0;
    qint64 m_sent = 0;
};

} // namespace ccr::app
