#include "FileUploads.h"

#include "UploadJob.h"

#include <QFileInfo>

namespace ccr::app {

FileUploads::FileUploads(ApiClient& client, const QStringList& paths, QObject* parent)
    : QObject(parent), m_client(client), m_pending(paths)
{
}

void FileUploads::start()
{
    next();
}

void FileUploads::next()
{
    if (m_pending.isEmpty()) {
        finish(m_ids);
        return;
    }
    const QString path = m_pending.takeFirst();
    const QString name = QFileInfo(path).fileName();
    auto* job = new UploadJob(m_client, path, this);
    connect(job, &UploadJob::progress, this,
            [this, name](qint64 sent, qint64 total) { Q_EMIT progress(name, sent, total); });
    connect(job, &UploadJob::finished, this, [this, name](const common::Result<common::AttachmentInfo>& result) {
        if (!result) {
            finish(result.error(), name);
            return;
        }
        m_ids.append(result->id);
        next();
    });
    job->start();
}

void FileUploads::finish(const common::Result<QList<qint64>>& result, const QString& failedFile)
{
    Q_EMIT finished(result, failedFile);
    deleteLater();
}

} // namespace ccr::app
