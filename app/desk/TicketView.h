#pragma once

#include "common/tickets/TicketDetail.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QUrl;

namespace ccr::app {

class ApiClient;
class DraftStore;
class TicketThread;
class TransferProgressBar;

/**
 * One ticket as its customer sees it: status and a timeline of what happened, the public
 * conversation with attachments to save, and a reply box (a reply to a resolved ticket
 * reopens it). A resolved ticket can be confirmed as done. While the app is offline the
 * send buttons are disabled and whatever was typed stays in the box.
 */
class TicketView final : public QWidget
{
    Q_OBJECT
public:
    TicketView(ApiClient& client, QWidget* parent = nullptr);

    void showTicket(qint64 ticketId);
    void clear();
    qint64 ticketId() const;
    TicketThread& thread() { return *m_thread; }
    /** Where half-written replies are kept (per ticket) so a restart or crash loses nothing. */
    void setDrafts(DraftStore* drafts) { m_drafts = drafts; }

private:
    void render();
    void renderHeader(const common::TicketInfo& ticket);
    void renderTimeline(const common::TicketDetail& detail);
    void renderConversation(const common::TicketDetail& detail);
    void saveAttachment(const QUrl& link);
    void pickReplyFiles();
    void showReplyFiles();
    void saveDraft();
    void sendReply();
    void postReply(const QList<qint64>& attachmentIds);
    void confirmClosure();
    void rate();
    void setStatusMessage(const QString& text);
    void updateControls();

    ApiClient& m_client;
    TicketThread* m_thread;
    QLabel* m_header;
    QListWidget* m_timeline;
    QTextBrowser* m_conversation;
    QLabel* m_hint;
    QPlainTextEdit* m_reply;
    QLabel* m_replyFiles;
    QPushButton* m_attach;
    QPushButton* m_send;
    QPushButton* m_confirmClosure;
    QPushButton* m_rate;
    TransferProgressBar* m_progress;
    QLabel* m_status;
    QStringList m_replyPaths;
    DraftStore* m_drafts = nullptr;
    bool m_busy = false;
};

} // namespace ccr::app
