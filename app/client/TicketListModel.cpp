#include "TicketListModel.h"

#include "ApiClient.h"
#include "TicketText.h"
#include "TypedCall.h"
#include "common/Protocol.h"
#include "common/tickets/ListTicketsParams.h"
#include "common/tickets/SearchTicketsParams.h"
#include "common/tickets/TicketPage.h"

#include <QLocale>

namespace ccr::app {

namespace Method = common::Protocol::Method;
namespace Event = common::Protocol::Event;
using common::TicketInfo;

namespace {

QString sortKey(int column)
{
    switch (column) {
    case TicketListModel::NumberColumn:
        return QStringLiteral("number");
    case TicketListModel::PriorityColumn:
        return QStringLiteral("priority");
    case TicketListModel::StatusColumn:
        return QStringLiteral("status");
    case TicketListModel::UpdatedColumn:
        return QStringLiteral("updated");
    default:
        return {};
    }
}

qint64 sortValue(const TicketInfo& ticket, const QString& sort)
{
    if (sort == QLatin1String("number"))
        return ticket.id;
    if (sort == QLatin1String("priority"))
        return static_cast<qint64>(ticket.priority);
    if (sort == QLatin1String("status"))
        return static_cast<qint64>(ticket.status);
    if (sort == QLatin1String("created"))
        return ticket.createdAt.toMSecsSinceEpoch();
    return ticket.updatedAt.toMSecsSinceEpoch();
}

} // namespace

TicketListModel::TicketListModel(ApiClient& client, QObject* parent) : QAbstractTableModel(parent), m_client(client)
{
    connect(&m_client, &ApiClient::eventReceived, this, &TicketListModel::onEvent);
}

int TicketListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_tickets.size());
}

int TicketListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TicketListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_tickets.size())
        return {};
    const TicketInfo& ticket = m_tickets.at(index.row());
    const bool changed = m_seen.isChanged(ticket);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn:
            return ticket.number;
        case SubjectColumn:
            return ticket.subject;
        case CategoryColumn:
            return ticket.categoryName;
        case PriorityColumn:
            return TicketText::priority(ticket.priority);
        case StatusColumn:
            return TicketText::status(ticket.status);
        case AgentColumn:
            return ticket.agentId > 0 ? ticket.agentName : tr("Not assigned yet");
        case UpdatedColumn:
            return QLocale().toString(ticket.updatedAt.toLocalTime(), QLocale::ShortFormat);
        }
        return {};
    case Qt::ToolTipRole:
        if (changed)
            return tr("Updated since you last looked");
        return {};
    case Qt::AccessibleDescriptionRole:
        return changed ? tr("updated since you last looked") : QString();
    case TicketIdRole:
        return ticket.id;
    case ChangedRole:
        return changed;
    }
    return {};
}

QVariant TicketListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("Number");
    case SubjectColumn:
        return tr("Subject");
    case CategoryColumn:
        return tr("Category");
    case PriorityColumn:
        return tr("Priority");
    case StatusColumn:
        return tr("Status");
    case AgentColumn:
        return tr("Agent");
    case UpdatedColumn:
        return tr("Last update");
    }
    return {};
}

bool TicketListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading;
}

void TicketListModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        fetchPage();
}

bool TicketListModel::isSortable(int column)
{
    return !sortKey(column).isEmpty();
}

void TicketListModel::sort(int column, Qt::SortOrder order)
{
    const QString key = sortKey(column);
    if (key.isEmpty())
        return;
    m_sort = key;
    m_ascending = order == Qt::AscendingOrder;
    reload();
}

void TicketListModel::setAccount(const QString& account)
{
    m_seen = SeenTickets(account);
    if (!m_tickets.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void TicketListModel::setStatusFilter(const QList<common::TicketStatus>& statuses)
{
    m_statuses = statuses;
    reload();
}

void TicketListModel::setSearchText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    reload();
}

void TicketListModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_tickets.clear();
    m_cursor.clear();
    m_atEnd = true;
    endResetModel();
    setLoading(false);
    m_totalCapped = false;
    setTotal(0);
}

void TicketListModel::reload()
{
    clear();
    m_atEnd = false;
    fetchPage();
}

void TicketListModel::fetchPage()
{
    setLoading(true);
    const quint64 generation = m_generation;
    auto onPage = [this, generation](const common::Result<common::TicketPage>& page) {
        if (generation != m_generation)
            return;
        setLoading(false);
        if (!page) {
            m_atEnd = true;
            Q_EMIT loadFailed(page.error());
            return;
        }
        if (!m_seen.hasBaseline()) {
            // First time on this computer: what is there now is not news.
            QDateTime newest = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
            for (const auto& ticket : page->tickets)
                newest = std::max(newest, ticket.updatedAt);
            m_seen.setBaseline(newest);
        }
        QList<TicketInfo> fresh;
        for (const auto& ticket : page->tickets) {
            // A push may have brought a ticket in before its page arrived.
            if (rowOf(ticket.id) < 0 && matchesFilter(ticket))
                fresh.append(ticket);
        }
        if (!fresh.isEmpty()) {
            beginInsertRows({}, rowCount(), rowCount() + static_cast<int>(fresh.size()) - 1);
            m_tickets.append(fresh);
            endInsertRows();
        }
        m_cursor = page->nextCursor;
        m_atEnd = m_cursor.isEmpty();
        m_totalCapped = page->totalCapped;
        setTotal(page->total);
    };
    if (!m_search.isEmpty()) {
        const common::SearchTicketsParams params{m_search, kPageSize, m_cursor.toInt()};
        callFor<common::TicketPage>(m_client, Method::SearchTickets, params.toCbor(), this, onPage);
        return;
    }
    common::ListTicketsParams params;
    params.statuses = m_statuses;
    params.sort = m_sort;
    params.ascending = m_ascending;
    params.limit = kPageSize;
    params.cursor = m_cursor;
    callFor<common::TicketPage>(m_client, Method::ListTickets, params.toCbor(), this, onPage);
}

void TicketListModel::onEvent(const QString& event, const QCborMap& data)
{
    if (event == Event::TicketRemoved) {
        removeTicket(data.value(QLatin1String("ticketId")).toInteger());
        return;
    }
    if (event != Event::TicketCreated && event != Event::TicketUpdated && event != Event::TicketAssigned &&
        event != Event::TicketMessage)
        return;
    const auto ticket = TicketInfo::fromCbor(data.value(QLatin1String("ticket")).toMap());
    if (!ticket)
        return;
    upsert(ticket.value());
}

void TicketListModel::upsert(const TicketInfo& ticket)
{
    const int row = rowOf(ticket.id);
    if (!matchesFilter(ticket)) {
        if (row >= 0)
            removeTicket(ticket.id);
        return;
    }
    // A ranked search is not re-ranked live: known rows are refreshed, new ones wait for the next search.
    if (!m_search.isEmpty()) {
        if (row >= 0) {
            m_tickets[row] = ticket;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        return;
    }
    if (row >= 0) {
        m_tickets[row] = ticket;
        const int target = insertionRow(ticket, row);
        if (target != row) {
            // Qt counts the destination before the row leaves; QList::move counts after.
            beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
            m_tickets.move(row, target);
            endMoveRows();
        }
        Q_EMIT dataChanged(index(target, 0), index(target, ColumnCount - 1));
        return;
    }
    const int target = insertionRow(ticket);
    // Beyond the loaded pages it arrives with its page.
    if (target == rowCount() && !m_atEnd)
        return;
    beginInsertRows({}, target, target);
    m_tickets.insert(target, ticket);
    endInsertRows();
    setTotal(m_total + 1);
}

void TicketListModel::removeTicket(qint64 ticketId)
{
    const int row = rowOf(ticketId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_tickets.removeAt(row);
    endRemoveRows();
    setTotal(std::max<qint64>(0, m_total - 1));
}

bool TicketListModel::matchesFilter(const TicketInfo& ticket) const
{
    return !ticket.deleted && (m_statuses.isEmpty() || m_statuses.contains(ticket.status));
}

bool TicketListModel::sortsBefore(const TicketInfo& a, const TicketInfo& b) const
{
    // The server's order: the sort value, then the ticket id, both in the chosen direction.
    const qint64 left = sortValue(a, m_sort);
    const qint64 right = sortValue(b, m_sort);
    if (left != right)
        return m_ascending ? left < right : left > right;
    return m_ascending ? a.id < b.id : a.id > b.id;
}

int TicketListModel::insertionRow(const TicketInfo& ticket, int skipRow) const
{
    int before = 0;
    for (int row = 0; row < m_tickets.size(); ++row) {
        if (row != skipRow && sortsBefore(m_tickets.at(row), ticket))
            ++before;
    }
    return before;
}

std::optional<TicketInfo> TicketListModel::ticketAt(int row) const
{
    if (row < 0 || row >= m_tickets.size())
        return std::nullopt;
    return m_tickets.at(row);
}

int TicketListModel::rowOf(qint64 ticketId) const
{
    for (int row = 0; row < m_tickets.size(); ++row) {
        if (m_tickets.at(row).id == ticketId)
            return row;
    }
    return -1;
}

void TicketListModel::markSeen(qint64 ticketId)
{
    const int row = rowOf(ticketId);
    if (row < 0)
        return;
    m_seen.markSeen(m_tickets.at(row));
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void TicketListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void TicketListModel::setTotal(qint64 total)
{
    if (m_total == total)
        return;
    m_total = total;
    Q_EMIT totalChanged(total);
}

} // namespace ccr::app
