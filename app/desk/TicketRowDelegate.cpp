#include "TicketRowDelegate.h"

#include "client/TicketListModel.h"

namespace ccr::app {

void TicketRowDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(TicketListModel::ChangedRole).toBool())
        option->font.setBold(true);
}

} // namespace ccr::app
