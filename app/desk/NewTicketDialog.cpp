#include "NewTicketDialog.h"

#include "ErrorText.h"
#include "TransferProgressBar.h"
#include "client/ApiClient.h"
#include "client/DraftStore.h"
#include "client/TicketText.h"
#include "client/TypedCall.h"
#include "client/FileUploads.h"
#include "common/FieldError.h"
#include "common/Protocol.h"
#include "common/TicketValidation.h"
#include "common/tickets/CategoryList.h"
#include "common/tickets/CreateTicketParams.h"
#include "common/tickets/ListCategoriesParams.h"
#include "common/tickets/TicketResult.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ccr::app {

namespace Method = common::Protocol::Method;
namespace Rules = common::TicketValidation;


NewTicketDialog::NewTicketDialog(ApiClient& client, DraftStore* drafts, QWidget* parent)
    : QDialog(parent), m_client(client), m_drafts(drafts), m_subject(new QLineEdit(this)), m_category(new QComboBox(this)),
      m_priority(new QComboBox(this)), m_description(new QPlainTextEdit(this)), m_files(new QListWidget(this)),
      m_addFiles(new QPushButton(tr("Add &files…"), this)), m_removeFiles(new QPushButton(tr("&Remove file"), this)),
      m_progress(new TransferProgressBar(this)), m_message(new QLabel(this)), m_submit(new QPushButton(tr("&Send ticket"), this))
{
    setObjectName(QStringLiteral("newTicketDialog"));
    setWindowTitle(tr("New ticket"));
    setAcceptDrops(true);
    m_subject->setObjectName(QStringLiteral("subjectLineEdit"));
    m_subject->setAccessibleName(tr("Subject"));
    m_subject->setMaxLength(static_cast<int>(Rules::kMaxSubjectLength));
    m_category->setObjectName(QStringLiteral("categoryComboBox"));
    m_category->setAccessibleName(tr("Category"));
    m_priority->setObjectName(QStringLiteral("priorityComboBox"));
    m_priority->setAccessibleName(tr("Priority"));
    for (const auto priority : {common::TicketPriority::Low, common::TicketPriority::Medium,
                                common::TicketPriority::High, common::TicketPriority::Urgent})
        m_priority->addItem(TicketText::priority(priority), static_cast<int>(priority));
    m_priority->setCurrentIndex(1);
    m_description->setObjectName(QStringLiteral("descriptionTextEdit"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("What happened, what you expected, order numbers…"));
    m_files->setObjectName(QStringLiteral("filesListWidget"));
    m_files->setAccessibleName(tr("Attached files"));
    m_files->setMaximumHeight(90);
    m_addFiles->setObjectName(QStringLiteral("addFilesPushButton"));
    m_removeFiles->setObjectName(QStringLiteral("removeFilePushButton"));
    m_progress->setObjectName(QStringLiteral("uploadProgressBar"));
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_submit->setObjectName(QStringLiteral("submitPushButton"));
    m_submit->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Subject:"), m_subject);
    m_errors.addRow(form, QStringLiteral("subject"), m_subject);
    form->addRow(tr("&Category:"), m_category);
    m_errors.addRow(form, QStringLiteral("categoryId"), m_category);
    form->addRow(tr("&Priority:"), m_priority);
    form->addRow(tr("&Description:"), m_description);
    m_errors.addRow(form, QStringLiteral("description"), m_description);
    auto* fileButtons = new QHBoxLayout;
    fileButtons->addWidget(m_addFiles);
    fileButtons->addWidget(m_removeFiles);
    fileButtons->addStretch(1);
    form->addRow(tr("&Files:"), m_files);
    form->addRow(QString(), fileButtons);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_submit, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(520, 560);

    connect(m_addFiles, &QPushButton::clicked, this, &NewTicketDialog::pickFiles);
    connect(m_removeFiles, &QPushButton::clicked, this, &NewTicketDialog::removeSelectedFiles);
    connect(m_submit, &QPushButton::clicked, this, &NewTicketDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_client, &ApiClient::stateChanged, this, &NewTicketDialog::updateControls);
    restoreDraft();
    connect(m_subject, &QLineEdit::textChanged, this, &NewTicketDialog::saveDraft);
    connect(m_description, &QPlainTextEdit::textChanged, this, &NewTicketDialog::saveDraft);
    connect(m_priority, &QComboBox::currentIndexChanged, this, &NewTicketDialog::saveDraft);
    connect(m_category, &QComboBox::activated, this, &NewTicketDialog::saveDraft);
    connect(m_files->model(), &QAbstractItemModel::rowsInserted, this, &NewTicketDialog::saveDraft);
    connect(m_files->model(), &QAbstractItemModel::rowsRemoved, this, &NewTicketDialog::saveDraft);
    loadCategories();
    updateControls();
}

void NewTicketDialog::loadCategories()
{
    callFor<common::CategoryList>(m_client, Method::ListCategories, common::ListCategoriesParams{}.toCbor(), this,
                                  [this](const common::Result<common::CategoryList>& list) {
                                      if (!list) {
                                          fail(tr("The categories could not be loaded: %1")
                                                   .arg(ErrorText::describe(list.error())));
                                          return;
                                      }
                                      m_category->clear();
                                      for (const auto& category : list->categories)
                                          m_category->addItem(category.name, category.id);
                                      if (m_draftCategory > 0)
                                          m_category->setCurrentIndex(
                                              std::max(0, m_category->findData(m_draftCategory)));
                                  });
}

void NewTicketDialog::addFile(const QString& path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !files().filter(info.absoluteFilePath()).isEmpty())
        return;
    auto* item = new QListWidgetItem(
        tr("%1 (%2)").arg(info.fileName(), QLocale().formattedDataSize(info.size())), m_files);
    item->setData(Qt::UserRole, info.absoluteFilePath());
    updateControls();
}

QStringList NewTicketDialog::files() const
{
    QStringList paths;
    for (int row = 0; row < m_files->count(); ++row)
        paths << m_files->item(row)->data(Qt::UserRole).toString();
    return paths;
}

void NewTicketDialog::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && !m_busy)
        event->acceptProposedAction();
}

void NewTicketDialog::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    for (const auto& url : urls) {
        if (url.isLocalFile())
            addFile(url.toLocalFile());
    }
    event->acceptProposedAction();
}

void NewTicketDialog::pickFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach files"));
    for (const auto& path : paths)
        addFile(path);
}

void NewTicketDialog::removeSelectedFiles()
{
    qDeleteAll(m_files->selectedItems());
    updateControls();
}

bool NewTicketDialog::checkFields()
{
    m_errors.clear();
    bool ok = true;
    if (const auto problem = Rules::checkSubject(m_subject->text())) {
        m_errors.show(QStringLiteral("subject"), ErrorText::describe(*problem));
        ok = false;
    }
    if (const auto problem = Rules::checkText(m_description->toPlainText(), Rules::kMaxDescriptionLength)) {
        m_errors.show(QStringLiteral("description"), ErrorText::describe(*problem));
        ok = false;
    }
    if (m_category->currentIndex() < 0) {
        m_errors.show(QStringLiteral("categoryId"), tr("Choose a category."));
        ok = false;
    }
    return ok;
}

void NewTicketDialog::submit()
{
    if (m_busy || !checkFields())
        return;
    m_busy = true;
    m_message->clear();
    updateControls();
    const QStringList paths = files();
    if (paths.isEmpty()) {
        createTicket({});
        return;
    }
    auto* uploads = new FileUploads(m_client, paths, this);
    m_progress->track(uploads);
    connect(uploads, &FileUploads::finished, this,
            [this](const common::Result<QList<qint64>>& ids, const QString& failedFile) {
        if (!ids) {
            fail(ErrorText::fileNotSent(failedFile, ids.error()));
            return;
        }
        createTicket(ids.value());
    });
    uploads->start();
}

void NewTicketDialog::createTicket(const QList<qint64>& attachmentIds)
{
    const common::CreateTicketParams params{m_subject->text().trimmed(),
                                            m_description->toPlainText().trimmed(),
                                            m_category->currentData().toLongLong(),
                                            static_cast<common::TicketPriority>(m_priority->currentData().toInt()),
                                            0,
                                            attachmentIds};
    callFor<common::TicketResult>(m_client, Method::CreateTicket, params.toCbor(), this,
                                  [this](const common::Result<common::TicketResult>& result) {
                                      if (!result) {
                                          m_errors.show(common::fieldErrorsOf(result.error()));
                                          fail(ErrorText::describe(result.error()));
                                          return;
                                      }
                                      m_busy = false;
                                      if (m_drafts)
                                          m_drafts->remove(DraftStore::newTicketKey());
                                      Q_EMIT created(result->ticket);
                                      accept();
                                  });
}

void NewTicketDialog::restoreDraft()
{
    if (!m_drafts)
        return;
    const QVariantMap draft = m_drafts->load(DraftStore::newTicketKey());
    m_subject->setText(draft.value(QStringLiteral("subject")).toString());
    m_description->setPlainText(draft.value(QStringLiteral("description")).toString());
    m_priority->setCurrentIndex(std::max(0, m_priority->findData(draft.value(QStringLiteral("priority"), 1).toInt())));
    m_draftCategory = draft.value(QStringLiteral("categoryId")).toLongLong();
    const QStringList paths = draft.value(QStringLiteral("files")).toStringList();
    for (const auto& path : paths)
        addFile(path);
}

void NewTicketDialog::saveDraft()
{
    if (!m_drafts)
        return;
    const bool empty = m_subject->text().trimmed().isEmpty() && m_description->toPlainText().trimmed().isEmpty() &&
                       m_files->count() == 0;
    const qint64 category = m_category->currentIndex() >= 0 ? m_category->currentData().toLongLong() : m_draftCategory;
    m_drafts->save(DraftStore::newTicketKey(),
                   empty ? QVariantMap()
                         : QVariantMap{{QStringLiteral("subject"), m_subject->text()},
                                       {QStringLiteral("description"), m_description->toPlainText()},
                                       {QStringLiteral("priority"), m_priority->currentData().toInt()},
                                       {QStringLiteral("categoryId"), category},
                                       {QStringLiteral("files"), files()}});
}

void NewTicketDialog::fail(const QString& message)
{
    m_busy = false;
    m_progress->hide();
    m_message->setText(message);
    updateControls();
}

void NewTicketDialog::updateControls()
{
    const bool online = m_client.state() == ConnectionState::Connected;
    m_submit->setEnabled(online && !m_busy);
    m_submit->setToolTip(online ? QString() : tr("Not connected: your text stays here until you can send it."));
    m_addFiles->setEnabled(!m_busy);
    m_removeFiles->setEnabled(!m_busy && m_files->count() > 0);
    for (QWidget* field : {static_cast<QWidget*>(m_subject), static_cast<QWidget*>(m_category),
                           static_cast<QWidget*>(m_priority), static_cast<QWidget*>(m_description)})
        field->setEnabled(!m_busy);
}

} // namespace ccr::app
