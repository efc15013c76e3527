#include "RatingDialog.h"

#include "ErrorText.h"
#include "client/TicketThread.h"
#include "common/TicketValidation.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ccr::app {

namespace Rules = common::TicketValidation;

RatingDialog::RatingDialog(TicketThread& thread, QWidget* parent)
    : QDialog(parent), m_thread(thread), m_stars(new QButtonGroup(this)), m_comment(new QPlainTextEdit(this)),
      m_message(new QLabel(this)), m_submit(new QPushButton(tr("&Send rating"), this))
{
    setObjectName(QStringLiteral("ratingDialog"));
    setWindowTitle(tr("Rate the resolution"));
    auto* starsRow = new QWidget(this);
    starsRow->setObjectName(QStringLiteral("starsRow"));
    starsRow->setAccessibleName(tr("Stars"));
    auto* starsLayout = new QHBoxLayout(starsRow);
    starsLayout->setContentsMargins(0, 0, 0, 0);
    for (int stars = Rules::kMinRatingStars; stars <= Rules::kMaxRatingStars; ++stars) {
        // Text, not only star glyphs: screen readers say "4 stars".
        auto* button = new QRadioButton(tr("%n star(s)", nullptr, stars), starsRow);
        button->setObjectName(QStringLiteral("stars%1RadioButton").arg(stars));
        m_stars->addButton(button, stars);
        starsLayout->addWidget(button);
    }
    m_comment->setObjectName(QStringLiteral("ratingCommentTextEdit"));
    m_comment->setAccessibleName(tr("Comment"));
    m_comment->setPlaceholderText(tr("What went well, what could be better (optional)"));
    m_comment->setTabChangesFocus(true);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_submit->setObjectName(QStringLiteral("submitPushButton"));
    m_submit->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("How did we do?"), starsRow);
    m_errors.addRow(form, QStringLiteral("stars"), starsRow);
    form->addRow(tr("&Comment:"), m_comment);
    m_errors.addRow(form, QStringLiteral("comment"), m_comment);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_submit, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(m_submit, &QPushButton::clicked, this, &RatingDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void RatingDialog::setStars(int stars)
{
    if (auto* button = m_stars->button(stars))
        button->setChecked(true);
}

void RatingDialog::submit()
{
    m_errors.clear();
    const int stars = std::max(0, m_stars->checkedId());
    if (const auto problem = Rules::checkRatingStars(stars))
        m_errors.show(QStringLiteral("stars"), tr("Choose from 1 to 5 stars."));
    if (const auto problem = Rules::checkRatingComment(m_comment->toPlainText()))
        m_errors.show(QStringLiteral("comment"), ErrorText::describe(*problem));
    if (!m_errors.isEmpty())
        return;
    m_submit->setEnabled(false);
    m_thread.rate(stars, m_comment->toPlainText(), this, [this](const common::Result<common::TicketResult>& result) {
        m_submit->setEnabled(true);
        if (!result) {
            m_errors.show(common::fieldErrorsOf(result.error()));
            m_message->setText(ErrorText::describe(result.error()));
            return;
        }
        accept();
    });
}

} // namespace ccr::app
