#include "TicketView.h"

#include "ErrorText.h"
#include "MessageBox.h"
#include "TransferProgressBar.h"
#include "RatingDialog.h"
#include "client/ApiClient.h"
#include "client/DownloadJob.h"
#include "client/DraftStore.h"
#include "client/FileUploads.h"
#include "client/TicketText.h"
#include "client/TicketThread.h"
#include "common/TicketValidation.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace ccr::app {

namespace {

QString when(const QDateTime& time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString escaped(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

TicketView::TicketView(ApiClient& client, QWidget* parent)
    : QWidget(parent), m_client(client), m_thread(new TicketThread(client, this)), m_header(new QLabel(this)),
      m_timeline(new QListWidget(this)), m_conversation(new QTextBrowser(this)), m_hint(new QLabel(this)),
      m_reply(new QPlainTextEdit(this)), m_replyFiles(new QLabel(this)),
      m_attach(new QPushButton(tr("Attach f&iles…"), this)), m_send(new QPushButton(tr("Send &reply"), this)),
      m_confirmClosure(new QPushButton(tr("It is solved: &close the ticket"), this)),
      m_rate(new QPushButton(tr("Ra&te the resolution…"), this)), m_progress(new TransferProgressBar(this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("ticketView"));
    m_header->setObjectName(QStringLiteral("ticketHeaderLabel"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timeline->setObjectName(QStringLiteral("timelineList"));
    m_timeline->setAccessibleName(tr("What happened"));
    m_timeline->setWordWrap(true);
    m_conversation->setObjectName(QStringLiteral("conversationBrowser"));
    m_conversation->setAccessibleName(tr("Conversation"));
    m_conversation->setOpenLinks(false);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_hint->setWordWrap(true);
    m_reply->setObjectName(QStringLiteral("replyTextEdit"));
    m_reply->setAccessibleName(tr("Your reply"));
    m_reply->setPlaceholderText(tr("Write a reply…"));
    m_reply->setTabChangesFocus(true);
    m_reply->setMaximumHeight(140);
    m_replyFiles->setObjectName(QStringLiteral("replyFilesLabel"));
    m_attach->setObjectName(QStringLiteral("attachPushButton"));
    m_send->setObjectName(QStringLiteral("sendReplyPushButton"));
    m_confirmClosure->setObjectName(QStringLiteral("confirmClosurePushButton"));
    m_rate->setObjectName(QStringLiteral("ratePushButton"));
    m_progress->setObjectName(QStringLiteral("replyProgressBar"));
    m_status->setObjectName(QStringLiteral("ticketStatusMessage"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* timelineBox = new QWidget(this);
    auto* timelineLayout = new QVBoxLayout(timelineBox);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    auto* timelineTitle = new QLabel(tr("&Timeline"), timelineBox);
    timelineTitle->setBuddy(m_timeline);
    timelineLayout->addWidget(timelineTitle);
    timelineLayout->addWidget(m_timeline);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_conversation);
    split->addWidget(timelineBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_attach);
    buttons->addWidget(m_replyFiles, 1);
    buttons->addWidget(m_send);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(split, 1);
    layout->addWidget(m_hint);
    auto* outcome = new QHBoxLayout;
    outcome->addWidget(m_confirmClosure);
    outcome->addWidget(m_rate);
    outcome->addStretch(1);
    layout->addLayout(outcome);
    layout->addWidget(m_reply);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);

    connect(m_thread, &TicketThread::changed, this, &TicketView::render);
    connect(m_thread, &TicketThread::loadFailed, this,
            [this](const common::Error& error) { setStatusMessage(ErrorText::describe(error)); });
    connect(m_conversation, &QTextBrowser::anchorClicked, this, &TicketView::saveAttachment);
    connect(m_attach, &QPushButton::clicked, this, &TicketView::pickReplyFiles);
    connect(m_send, &QPushButton::clicked, this, &TicketView::sendReply);
    connect(m_confirmClosure, &QPushButton::clicked, this, &TicketView::confirmClosure);
    connect(m_rate, &QPushButton::clicked, this, &TicketView::rate);
    connect(m_reply, &QPlainTextEdit::textChanged, this, &TicketView::updateControls);
    connect(m_reply, &QPlainTextEdit::textChanged, this, &TicketView::saveDraft);
    connect(&m_client, &ApiClient::stateChanged, this, &TicketView::updateControls);
    render();
}

qint64 TicketView::ticketId() const
{
    return m_thread->ticketId();
}

void TicketView::showTicket(qint64 ticketId)
{
    if (ticketId == m_thread->ticketId())
        return;
    // Each ticket keeps its own half-written reply (saved as it is typed, see saveDraft()).
    m_thread->open(ticketId);
    const QVariantMap draft = m_drafts ? m_drafts->load(DraftStore::replyKey(ticketId)) : QVariantMap();
    const QSignalBlocker quiet(m_reply);
    m_reply->setPlainText(draft.value(QStringLiteral("body")).toString());
    m_replyPaths = draft.value(QStringLiteral("files")).toStringList();
    showReplyFiles();
    updateControls();
    setStatusMessage({});
}

void TicketView::saveDraft()
{
    if (!m_drafts || m_thread->ticketId() <= 0)
        return;
    const QString body = m_reply->toPlainText();
    // An empty draft removes the saved one.
    m_drafts->save(DraftStore::replyKey(m_thread->ticketId()),
                   body.trimmed().isEmpty() && m_replyPaths.isEmpty()
                       ? QVariantMap()
                       : QVariantMap{{QStringLiteral("body"), body}, {QStringLiteral("files"), m_replyPaths}});
}

void TicketView::clear()
{
    m_thread->close();
}

void TicketView::render()
{
    const auto& detail = m_thread->detail();
    setEnabled(m_thread->ticketId() > 0);
    if (!detail) {
        m_header->setText(m_thread->ticketId() > 0 ? tr("Loading…") : tr("Choose a ticket to see it here."));
        m_timeline->clear();
        m_conversation->clear();
        m_hint->clear();
        updateControls();
        return;
    }
    renderHeader(detail->ticket);
    renderTimeline(*detail);
    renderConversation(*detail);
    updateControls();
}

void TicketView::renderHeader(const common::TicketInfo& ticket)
{
    const QString agent = ticket.agentId > 0 ? ticket.agentName : tr("not assigned yet");
    m_header->setText(tr("<h3>%1 · %2</h3><p><b>%3</b> · %4 · priority %5 · agent: %6</p>")
                          .arg(ticket.number, ticket.subject.toHtmlEscaped(), TicketText::status(ticket.status),
                               ticket.categoryName.toHtmlEscaped(), TicketText::priority(ticket.priority),
                               agent.toHtmlEscaped()));
    if (ticket.rating > 0)
        m_header->setText(m_header->text() +
                          tr("<p>Your rating: %1 of 5 %2</p>")
                              .arg(QString::number(ticket.rating), ticket.ratingComment.toHtmlEscaped()));
    m_header->setAccessibleName(tr("Ticket %1, %2").arg(ticket.number, TicketText::status(ticket.status)));
    switch (ticket.status) {
    case common::TicketStatus::Resolved:
        m_hint->setText(tr("Solved? Confirm it below. Not solved? Write a reply: it reopens the ticket."));
        break;
    case common::TicketStatus::Closed:
        m_hint->setText(tr("This ticket is closed. Raise a new ticket if the problem comes back."));
        break;
    case common::TicketStatus::WaitingOnCustomer:
        m_hint->setText(tr("The agent is waiting for your answer."));
        break;
    default:
        m_hint->clear();
    }
}

void TicketView::renderTimeline(const common::TicketDetail& detail)
{
    m_timeline->clear();
    m_timeline->addItem(tr("%1 — Created").arg(when(detail.ticket.createdAt)));
    for (const auto& message : detail.messages) {
        if (message.kind == common::MessageKind::System)
            m_timeline->addItem(
                when(message.createdAt) + QStringLiteral(" — ") +
                TicketText::timelineEntry(message.event, message.oldValue, message.newValue));
    }
}

void TicketView::renderConversation(const common::TicketDetail& detail)
{
    auto attachmentsHtml = [](const QList<common::AttachmentInfo>& attachments) {
        QString html;
        for (const auto& file : attachments) {
            QUrl link;
            link.setScheme(QStringLiteral("attachment"));
            link.setPath(QString::number(file.id));
            link.setQuery(QUrlQuery{{QStringLiteral("name"), file.fileName}});
            html += QStringLiteral("<br>📎 <a href=\"%1\">%2</a> (%3)")
                        .arg(link.toString(QUrl::FullyEncoded), file.fileName.toHtmlEscaped(),
                             QLocale().formattedDataSize(file.size));
        }
        return html;
    };
    QList<common::AttachmentInfo> ticketFiles;
    for (const auto& file : detail.attachments) {
        if (file.messageId == 0)
            ticketFiles.append(file);
    }
    QString html = QStringLiteral("<p><b>%1</b> · %2<br>%3%4</p><hr>")
                       .arg(detail.ticket.customerName.toHtmlEscaped(), when(detail.ticket.createdAt),
                            escaped(detail.ticket.description), attachmentsHtml(ticketFiles));
    for (const auto& message : detail.messages) {
        // Status and assignment changes are in the timeline beside the conversation.
        if (message.kind == common::MessageKind::System)
            continue;
        html += QStringLiteral("<p><b>%1</b> · %2<br>%3%4</p>")
                    .arg(message.authorName.toHtmlEscaped(), when(message.createdAt), escaped(message.body),
                         attachmentsHtml(message.attachments));
    }
    if (!detail.ticket.resolution.isEmpty() && (detail.ticket.status == common::TicketStatus::Resolved ||
                                                detail.ticket.status == common::TicketStatus::Closed))
        html += QStringLiteral("<hr><p><b>%1</b><br>%2</p>")
                    .arg(tr("How it was resolved"), escaped(detail.ticket.resolution));
    m_conversation->setHtml(html);
    m_conversation->moveCursor(QTextCursor::End);
}

void TicketView::saveAttachment(const QUrl& link)
{
    if (link.scheme() != QLatin1String("attachment"))
        return;
    const qint64 id = link.path().toLongLong();
    const QString name = QUrlQuery(link).queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
    const QString target = QFileDialog::getSaveFileName(this, tr("Save attachment"), name);
    if (target.isEmpty())
        return;
    auto* job = new DownloadJob(m_client, id, target, this);
    m_progress->track(job, name);
    connect(job, &DownloadJob::finished, this, [this, name](const common::Result<QString>& saved) {
        setStatusMessage(saved ? tr("Saved %1 to %2.").arg(name, QDir::toNativeSeparators(saved.value()))
                               : tr("%1 could not be saved: %2").arg(name, ErrorText::describe(saved.error())));
    });
    job->start();
}

void TicketView::pickReplyFiles()
{
    m_replyPaths += QFileDialog::getOpenFileNames(this, tr("Attach files"));
    m_replyPaths.removeDuplicates();
    showReplyFiles();
    saveDraft();
}

void TicketView::showReplyFiles()
{
    QStringList names;
    for (const auto& path : std::as_const(m_replyPaths))
        names << QFileInfo(path).fileName();
    m_replyFiles->setText(names.join(QStringLiteral(", ")));
}

void TicketView::sendReply()
{
    if (m_busy)
        return;
    if (const auto problem =
            common::TicketValidation::checkText(m_reply->toPlainText(), common::TicketValidation::kMaxMessageLength)) {
        setStatusMessage(ErrorText::describe(*problem));
        return;
    }
    m_busy = true;
    updateControls();
    if (m_replyPaths.isEmpty()) {
        postReply({});
        return;
    }
    auto* uploads = new FileUploads(m_client, m_replyPaths, this);
    m_progress->track(uploads);
    connect(uploads, &FileUploads::finished, this,
            [this](const common::Result<QList<qint64>>& ids, const QString& failedFile) {
                if (!ids) {
                    m_busy = false;
                    setStatusMessage(ErrorText::fileNotSent(failedFile, ids.error()));
                    updateControls();
                    return;
                }
                postReply(ids.value());
            });
    uploads->start();
}

void TicketView::postReply(const QList<qint64>& attachmentIds)
{
    m_thread->reply(m_reply->toPlainText().trimmed(), attachmentIds, this,
                    [this](const common::Result<common::ReplyResult>& result) {
                        m_busy = false;
                        if (result) {
                            // Only now is the text safe on the server.
                            m_replyPaths.clear();
                            m_reply->clear();
                            m_replyFiles->clear();
                            saveDraft();
                            setStatusMessage(tr("Reply sent."));
                        } else {
                            setStatusMessage(tr("The reply was not sent: %1").arg(ErrorText::describe(result.error())));
                        }
                        updateControls();
                    });
}

void TicketView::confirmClosure()
{
    const auto answer = MessageBox::question(
        this, tr("Close the ticket?"),
        tr("Close this ticket as solved? A closed ticket cannot be reopened; for a new problem raise a new ticket."),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    m_busy = true;
    updateControls();
    m_thread->confirmClosure(this, [this](const common::Result<common::TicketResult>& result) {
        m_busy = false;
        setStatusMessage(result ? tr("The ticket is closed. Thank you!")
                                : tr("The ticket was not closed: %1").arg(ErrorText::describe(result.error())));
        updateControls();
    });
}

void TicketView::rate()
{
    auto* dialog = new RatingDialog(*m_thread, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto& detail = m_thread->detail())
        dialog->setStars(detail->ticket.rating);
    connect(dialog, &QDialog::accepted, this, [this] { setStatusMessage(tr("Thank you for your rating.")); });
    dialog->open();
}

void TicketView::setStatusMessage(const QString& text)
{
    m_status->setText(text);
}

void TicketView::updateControls()
{
    const auto& detail = m_thread->detail();
    const bool online = m_client.state() == ConnectionState::Connected;
    const bool open = detail && detail->ticket.status != common::TicketStatus::Closed;
    m_reply->setReadOnly(!open);
    m_attach->setEnabled(open && !m_busy);
    m_send->setEnabled(open && online && !m_busy && !m_reply->toPlainText().trimmed().isEmpty());
    m_send->setToolTip(online ? QString() : tr("Not connected: your reply stays here until you can send it."));
    m_confirmClosure->setVisible(detail && detail->ticket.status == common::TicketStatus::Resolved);
    m_confirmClosure->setEnabled(online && !m_busy);
    const bool rateable = detail && (detail->ticket.status == common::TicketStatus::Resolved ||
                                     detail->ticket.status == common::TicketStatus::Closed);
    m_rate->setVisible(rateable);
    m_rate->setEnabled(online && !m_busy);
    m_rate->setText(detail && detail->ticket.rating > 0 ? tr("Change your ra&ting…") : tr("Ra&te the resolution…"));
}

} // namespace ccr::app
