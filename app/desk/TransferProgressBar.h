#pragma once

#include <QProgressBar>

namespace ccr::app {

class DownloadJob;
class FileUploads;

/** A progress bar that follows file uploads or a download: shown while it runs, named after the file. */
class TransferProgressBar final : public QProgressBar
{
    Q_OBJECT
public:
    explicit TransferProgressBar(QWidget* parent = nullptr);

    void track(FileUploads* uploads);
    void track(DownloadJob* download, const QString& fileName);

private:
    void begin();
    void show(const QString& format, qint64 done, qint64 total);
};

} // namespace ccr::app
