#pragma once

#include "SeenTickets.h"
#include "common/Error.h"
#include "common/TicketStatus.h"
#include "common/tickets/TicketInfo.h"

#include <QAbstractTableModel>
#include <QCborMap>
#include <optional>

namespace ccr::app {

class ApiClient;

/**
 * The tickets a person may see, as a table: fetched page by page from the server as the
 * view scrolls (canFetchMore/fetchMore), sorted and filtered by the server, or ranked by
 * its full-text search, and kept current by push events without a reload. Rows updated
 * since the person last looked (SeenTickets) are marked.
 */
class TicketListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NumberColumn,
        SubjectColumn,
        CategoryColumn,
        PriorityColumn,
        StatusColumn,
        AgentColumn,
        UpdatedColumn,
        ColumnCount
    };
    enum Role
    {
        TicketIdRole = Qt::UserRole + 1,
        ChangedRole,
    };
    static constexpr int kPageSize = 100;

    explicit TicketListModel(ApiClient& client, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    /** Number, priority, status and last update sort on the server; other columns keep the order. */
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static bool isSortable(int column);

    /** Which account's "seen" marks to use; call after sign-in, before reload(). */
    void setAccount(const QString& account);
    void setStatusFilter(const QList<common::TicketStatus>& statuses);
    /** Non-empty: the server's ranked full-text search instead of the sorted list. */
    void setSearchText(const QString& text);
    QString searchText() const { return m_search; }
    void reload();
    void clear();

    std::optional<common::TicketInfo> ticketAt(int row) const;
    int rowOf(qint64 ticketId) const;
    /** The person opened the ticket: its change mark goes away. */
    void markSeen(qint64 ticketId);
    qint64 total() const { return m_total; }
    /** Search only: more matched than the server ranks, so total is a lower bound. */
    bool totalCapped() const { return m_totalCapped; }
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void loadingChanged(bool loading);
    void totalChanged(qint64 total);
    void loadFailed(const ccr::common::Error& error);

private:
    void fetchPage();
    void onEvent(const QString& event, const QCborMap& data);
    void upsert(const common::TicketInfo& ticket);
    void removeTicket(qint64 ticketId);
    bool matchesFilter(const common::TicketInfo& ticket) const;
    bool sortsBefore(const common::TicketInfo& a, const common::TicketInfo& b) const;
    /** Where the ticket belongs in the loaded rows, not counting skipRow (its own old place). */
    int insertionRow(const common::TicketInfo& ticket, int skipRow = -1) const;
    void setLoading(bool loading);
    void setTotal(qint64 total);

    ApiClient& m_client;
    SeenTickets m_seen;
    QList<common::TicketInfo> m_tickets;
    QString m_sort = QStringLiteral("updated");
    bool m_ascending = false;
    QList<common::TicketStatus> m_statuses;
    QString m_search;
    QString m_cursor;
    bool m_atEnd = true;
    bool m_loading = false;
    qint64 m_total = 0;
    bool m_totalCapped = false;
    /** Replies to requests made before the last reload are dropped. */
    quint64 m_generation = 0;
};

} // namespace ccr::app
