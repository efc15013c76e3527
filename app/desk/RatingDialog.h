#pragma once

#include "FieldErrors.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ccr::app {

class TicketThread;

/** Rate how a resolved or closed ticket was handled: 1 to 5 stars and an optional comment. */
class RatingDialog final : public QDialog
{
    Q_OBJECT
public:
    RatingDialog(TicketThread& thread, QWidget* parent = nullptr);

    void setStars(int stars);

private:
    void submit();

    TicketThread& m_thread;
    QButtonGroup* m_stars;
    QPlainTextEdit* m_comment;
    QLabel* m_message;
    QPushButton* m_submit;
    FieldErrors m_errors;
};

} // namespace ccr::app
