#pragma once

#include "common/FieldError.h"

#include <QHash>
#include <QString>

class QFormLayout;
class QLabel;
class QWidget;

namespace ccr::app {

/**
 * The message line under each field of a form: filled from the shared validation rules
 * before sending and from the server's field errors after, cleared when the form is sent
 * again. Not colour alone: the text says what is wrong, and the field's accessible
 * description carries it for screen readers.
 */
class FieldErrors final
{
public:
    /** Adds a hidden message row under field in the form; fieldName as on the wire. */
    void addRow(QFormLayout* form, const QString& fieldName, QWidget* field);
    void clear();
    void show(const QString& fieldName, const QString& text);
    void show(const QList<common::FieldError>& errors);
    bool isEmpty() const;

private:
    struct Row
    {
        QLabel* label = nullptr;
        QWidget* field = nullptr;
    };
    QHash<QString, Row> m_rows;
};

} // namespace ccr::app
