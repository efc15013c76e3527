#pragma once

#include <QStyledItemDelegate>

namespace ccr::app {

/** Draws rows of tickets changed since the person last looked in bold (the model says which). */
class TicketRowDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace ccr::app
