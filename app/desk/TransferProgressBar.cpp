#include "TransferProgressBar.h"

#include "client/DownloadJob.h"
#include "client/FileUploads.h"

namespace ccr::app {

TransferProgressBar::TransferProgressBar(QWidget* parent) : QProgressBar(parent)
{
    setAccessibleName(tr("Transfer progress"));
    setMaximum(1000);
    hide();
}

void TransferProgressBar::begin()
{
    setValue(0);
    QProgressBar::show();
}

void TransferProgressBar::show(const QString& format, qint64 done, qint64 total)
{
    setFormat(format);
    // Per mille, so files beyond 2 GiB fit the int range.
    setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 1000);
}

void TransferProgressBar::track(FileUploads* uploads)
{
    begin();
    connect(uploads, &FileUploads::progress, this, [this](const QString& fileName, qint64 sent, qint64 total) {
        show(tr("Sending %1: %p%").arg(fileName), sent, total);
    });
    connect(uploads, &FileUploads::finished, this, &QProgressBar::hide);
}

void TransferProgressBar::track(DownloadJob* download, const QString& fileName)
{
    begin();
    connect(download, &DownloadJob::progress, this, [this, fileName](qint64 received, qint64 total) {
        show(tr("Receiving %1: %p%").arg(fileName), received, total);
    });
    connect(download, &DownloadJob::finished, this, &QProgressBar::hide);
}

} // namespace ccr::app
