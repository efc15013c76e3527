#include "FieldErrors.h"

#include "ErrorText.h"

#include <QFormLayout>
#include <QLabel>

namespace ccr::app {

void FieldErrors::addRow(QFormLayout* form, const QString& fieldName, QWidget* field)
{
    auto* label = new QLabel(form->parentWidget());
    label->setObjectName(fieldName + QStringLiteral("ErrorLabel"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: palette(link);"));
    label->hide();
    form->addRow(QString(), label);
    m_rows.insert(fieldName, {label, field});
}

void FieldErrors::clear()
{
    for (const auto& row : std::as_const(m_rows)) {
        row.label->clear();
        row.label->hide();
        row.field->setAccessibleDescription({});
    }
}

void FieldErrors::show(const QString& fieldName, const QString& text)
{
    const auto row = m_rows.value(fieldName);
    if (!row.label)
        return;
    row.label->setText(text);
    row.label->setVisible(!text.isEmpty());
    row.field->setAccessibleDescription(text);
}

void FieldErrors::show(const QList<common::FieldError>& errors)
{
    for (const auto& error : errors)
        show(error.field, ErrorText::describe(error.problem));
}

bool FieldErrors::isEmpty() const
{
    for (const auto& row : m_rows) {
        if (row.label->isVisible())
            return false;
    }
    return true;
}

} // namespace ccr::app
