#pragma once

#include "common/Result.h"

#include <QCryptographicHash>
#include <QObject>
#include <QSaveFile>

namespace ccr::app {

class ApiClient;

/**
 * Fetches an attachment in chunks into a file, and keeps it only if its SHA-256 matches
 * what the server recorded at upload. Deletes itself after finished().
 */
class DownloadJob final : public QObject
{
    Q_OBJECT
public:
    DownloadJob(ApiClient& client, qint64 attachmentId, const QString& targetPath, QObject* parent = nullptr);

    void start();

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    /** The saved file's path, or why nothing was saved. */
    void finished(const ccr::common::Result<QString>& result);

private:
    void requestNextChunk();
    void fail(const common::Error& error);

    ApiClient& m_client;
    qint64 m_attachmentId;
    QSaveFile m_file;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    qint64 m_received = 0;
};

} // namespace ccr::app
