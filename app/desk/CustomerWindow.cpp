#include "CustomerWindow.h"

#include "ErrorText.h"
#include "NewTicketDialog.h"
#include "SettingsDialog.h"
#include "TicketRowDelegate.h"
#include "TicketView.h"
#include "client/ApiClient.h"
#include "client/DraftStore.h"
#include "client/Session.h"
#include "client/TicketListModel.h"
#include "client/TicketThread.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ccr::app {

using common::TicketStatus;

namespace {

/** The status filter's choices, in the words a customer uses. */
QList<QPair<QString, QList<TicketStatus>>> statusChoices()
{
    return {
        {CustomerWindow::tr("All tickets"), {}},
        {CustomerWindow::tr("Open"),
         {TicketStatus::New, TicketStatus::Assigned, TicketStatus::InProgress, TicketStatus::WaitingOnCustomer}},
        {CustomerWindow::tr("Waiting for my answer"), {TicketStatus::WaitingOnCustomer}},
        {CustomerWindow::tr("Resolved"), {TicketStatus::Resolved}},
        {CustomerWindow::tr("Closed"), {TicketStatus::Closed}},
    };
}

} // namespace

CustomerWindow::CustomerWindow(ApiClient& client, Session& session, QWidget* parent)
    : QWidget(parent), m_client(client), m_session(session), m_model(new TicketListModel(client, this)),
      m_table(new QTableView(this)), m_view(new TicketView(client, this)),
      m_new(new QPushButton(tr("&New ticket…"), this)), m_statusFilter(new QComboBox(this)),
      m_search(new QLineEdit(this)), m_searchDelay(new QTimer(this)), m_total(new QLabel(this)),
      m_notice(new QLabel(this)), m_settings(new QPushButton(tr("Se&ttings…"), this)),
      m_signOut(new QPushButton(tr("Sign &out"), this))
{
    setObjectName(QStringLiteral("customerWindow"));
    m_new->setObjectName(QStringLiteral("newTicketPushButton"));
    m_statusFilter->setObjectName(QStringLiteral("statusFilterComboBox"));
    m_statusFilter->setAccessibleName(tr("Show tickets"));
    for (const auto& choice : statusChoices())
        m_statusFilter->addItem(choice.first);
    m_search->setObjectName(QStringLiteral("searchLineEdit"));
    m_search->setAccessibleName(tr("Search my tickets"));
    m_search->setPlaceholderText(tr("Search my tickets…"));
    m_search->setClearButtonEnabled(true);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(300);
    m_total->setObjectName(QStringLiteral("totalLabel"));
    m_notice->setObjectName(QStringLiteral("noticeLabel"));
    m_notice->setWordWrap(true);
    m_signOut->setObjectName(QStringLiteral("customerSignOutPushButton"));
    m_settings->setObjectName(QStringLiteral("settingsPushButton"));

    m_table->setObjectName(QStringLiteral("ticketTable"));
    m_table->setAccessibleName(tr("My tickets"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new TicketRowDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(TicketListModel::UpdatedColumn, Qt::DescendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(TicketListModel::SubjectColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_new);
    bar->addWidget(m_statusFilter);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_total);
    bar->addWidget(m_settings);
    bar->addWidget(m_signOut);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_view);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_notice);
    layout->addWidget(split, 1);
    setTabOrder(m_new, m_statusFilter);
    setTabOrder(m_statusFilter, m_search);
    setTabOrder(m_search, m_table);

    connect(m_new, &QPushButton::clicked, this, &CustomerWindow::newTicket);
    connect(m_settings, &QPushButton::clicked, this, &CustomerWindow::openSettings);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &CustomerWindow::applyStatusFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_model->setSearchText(m_search->text()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CustomerWindow::onCurrentRowChanged);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder) {
        // Columns the server cannot sort by keep the indicator where the order really is.
        if (!TicketListModel::isSortable(column))
            m_table->horizontalHeader()->setSortIndicator(TicketListModel::UpdatedColumn, Qt::DescendingOrder);
    });
    connect(m_model, &TicketListModel::totalChanged, this, &CustomerWindow::showTotal);
    // What changes while the person has the ticket open is not news to them.
    connect(&m_view->thread(), &TicketThread::changed, this, [this] {
        if (m_view->ticketId() > 0)
            m_model->markSeen(m_view->ticketId());
    });
    connect(m_model, &TicketListModel::loadFailed, this, [this](const common::Error& error) {
        m_notice->setText(tr("Your tickets could not be loaded: %1").arg(ErrorText::describe(error)));
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_pendingOpen > 0 && m_model->rowOf(m_pendingOpen) >= 0)
            openTicket(std::exchange(m_pendingOpen, 0));
    });
    connect(m_signOut, &QPushButton::clicked, this, [this] {
        m_signOut->setEnabled(false);
        m_session.signOut(this, [this](const common::Result<bool>&) { m_signOut->setEnabled(true); });
    });
    connect(&m_client, &ApiClient::stateChanged, this, [this](ConnectionState state) {
        updateControls();
        // Pushes may have been missed while away: read the list again.
        if (state == ConnectionState::Connected && m_session.isSignedIn())
            m_model->reload();
    });
    updateControls();
}

CustomerWindow::~CustomerWindow()
{
    // The drafts go before the child widgets that write to them.
    m_view->setDrafts(nullptr);
}

void CustomerWindow::showUser(const common::UserInfo& user)
{
    m_model->setAccount(m_client.host() + QLatin1Char(':') + QString::number(m_client.port()) + QLatin1Char('/') +
                        QString::number(user.id));
    m_notice->clear();
    m_view->setDrafts(nullptr);
    m_drafts = std::make_unique<DraftStore>(m_client.host(), m_client.port(), user.id);
    m_view->setDrafts(m_drafts.get());
    m_view->clear();
    m_model->reload();
}

void CustomerWindow::newTicket()
{
    auto* dialog = new NewTicketDialog(m_client, m_drafts.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewTicketDialog::created, this, [this](const common::TicketInfo& ticket) {
        m_notice->setText(tr("Ticket %1 was created. We will write to you as it progresses.").arg(ticket.number));
        m_model->markSeen(ticket.id);
        openTicket(ticket.id);
    });
    dialog->show();
}

void CustomerWindow::openSettings()
{
    const auto user = m_session.user();
    if (!user)
        return;
    auto* dialog = new SettingsDialog(m_client, *user, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::changeServerRequested, this, [this] {
        m_session.signOut(this, [this](const common::Result<bool>&) { m_client.disconnectFromServer(); });
    });
    dialog->open();
}

void CustomerWindow::openTicket(qint64 ticketId)
{
    const int row = m_model->rowOf(ticketId);
    if (row < 0) {
        // Not loaded yet (the push is on its way): open it now, select it when it arrives.
        m_pendingOpen = ticketId;
        m_view->showTicket(ticketId);
        return;
    }
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
}

void CustomerWindow::onCurrentRowChanged()
{
    const auto ticket = m_model->ticketAt(m_table->currentIndex().row());
    if (!ticket)
        return;
    m_view->showTicket(ticket->id);
    m_model->markSeen(ticket->id);
}

void CustomerWindow::applyStatusFilter()
{
    const auto choices = statusChoices();
    const int index = m_statusFilter->currentIndex();
    if (index >= 0 && index < choices.size())
        m_model->setStatusFilter(choices.at(index).second);
}

void CustomerWindow::showTotal()
{
    const int total = static_cast<int>(m_model->total());
    if (!m_model->searchText().isEmpty() && m_model->totalCapped())
        m_total->setText(tr("%n+ found (the most recent matches)", nullptr, total));
    else if (!m_model->searchText().isEmpty())
        m_total->setText(tr("%n found", nullptr, total));
    else
        m_total->setText(tr("%n ticket(s)", nullptr, total));
}

void CustomerWindow::updateControls()
{
    const bool online = m_client.state() == ConnectionState::Connected;
    m_new->setEnabled(online);
    m_settings->setEnabled(online);
    m_new->setToolTip(online ? QString() : tr("Not connected"));
}

} // namespace ccr::app
