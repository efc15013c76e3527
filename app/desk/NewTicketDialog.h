#pragma once

#include "FieldErrors.h"
#include "common/tickets/TicketInfo.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

class QPushButton;

namespace ccr::app {

class ApiClient;
class DraftStore;
class TransferProgressBar;

/**
 * The form a customer raises a ticket with: subject, category, priority, description and
 * files (picked or dropped). Fields are checked with the shared rules before sending and
 * the server's field errors are shown next to the fields; files are uploaded first, with
 * progress. Nothing typed is lost on a failure: the dialog stays open with the text.
 */
class NewTicketDialog final : public QDialog
{
    Q_OBJECT
public:
    /** drafts: where the form is kept as it is typed, so closing it, a crash or a restart loses nothing. */
    explicit NewTicketDialog(ApiClient& client, DraftStore* drafts = nullptr, QWidget* parent = nullptr);

    void addFile(const QString& path);
    QStringList files() const;

Q_SIGNALS:
    void created(const ccr::common::TicketInfo& ticket);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void loadCategories();
    void pickFiles();
    void removeSelectedFiles();
    bool checkFields();
    void submit();
    void createTicket(const QList<qint64>& attachmentIds);
    void fail(const QString& message);
    void updateControls();
    void restoreDraft();
    void saveDraft();

    ApiClient& m_client;
    DraftStore* m_drafts;
    qint64 m_draftCategory = 0;
    QLineEdit* m_subject;
    QComboBox* m_category;
    QComboBox* m_priority;
    QPlainTextEdit* m_description;
    QListWidget* m_files;
    QPushButton* m_addFiles;
    QPushButton* m_removeFiles;
    TransferProgressBar* m_progress;
    QLabel* m_message;
    QPushButton* m_submit;
    FieldErrors m_errors;
    bool m_busy = false;
};

} // namespace ccr::app
