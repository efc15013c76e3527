#pragma once

#include "common/Result.h"

#include <QObject>
#include <QStringList>

namespace ccr::app {

class ApiClient;

/**
 * Sends several files one after the other (each an UploadJob) and hands back their
 * attachment ids in order, for a new ticket or a reply. Stops at the first failure and
 * says which file failed. Deletes itself after finished().
 */
class FileUploads final : public QObject
{
    Q_OBJECT
public:
    FileUploads(ApiClient& client, const QStringList& paths, QObject* parent = nullptr);

    void start();

Q_SIGNALS:
    void progress(const QString& fileName, qint64 sent, qint64 total);
    /** failedFile names the file that could not be sent, on failure. */
    void finished(const ccr::common::Result<QList<qint64>>& attachmentIds, const QString& failedFile);

private:
    void next();
    void finish(const common::Result<QList<qint64>>& result, const QString& failedFile = {});

    ApiClient& m_client;
    QStringList m_pending;
    QList<qint64> m_ids;
};

} // namespace ccr::app
