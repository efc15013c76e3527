#pragma once

#include "common/messages/UserInfo.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace ccr::app {

class ApiClient;
class DraftStore;
class Session;
class TicketListModel;
class TicketView;

/**
 * The customer's desk: "My tickets" (sorted, filtered by status or searched, kept live by
 * the server's pushes, changes since the last look in bold) beside the open ticket, and
 * the way to raise a new one.
 */
class CustomerWindow final : public QWidget
{
    Q_OBJECT
public:
    CustomerWindow(ApiClient& client, Session& session, QWidget* parent = nullptr);
    ~CustomerWindow() override;

    /** Starts over for the person who just signed in. */
    void showUser(const common::UserInfo& user);
    TicketListModel& tickets() { return *m_model; }
    TicketView& ticketView() { return *m_view; }
    /** Opens the new-ticket form (modeless, so the list stays usable). */
    void newTicket();
    void openSettings();
    /** Selects the ticket in the list (if loaded) and opens it. */
    void openTicket(qint64 ticketId);

private:
    void onCurrentRowChanged();
    void applyStatusFilter();
    void showTotal();
    void updateControls();

    ApiClient& m_client;
    Session& m_session;
    TicketListModel* m_model;
    QTableView* m_table;
    TicketView* m_view;
    QPushButton* m_new;
    QComboBox* m_statusFilter;
    QLineEdit* m_search;
    QTimer* m_searchDelay;
    QLabel* m_total;
    QLabel* m_notice;
    QPushButton* m_settings;
    QPushButton* m_signOut;
    qint64 m_pendingOpen = 0;
    std::unique_ptr<DraftStore> m_drafts;
};

} // namespace ccr::app
