#include "AccountPage.h"

#include "ErrorText.h"
#include "MessageBox.h"
#include "client/Session.h"

#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace ccr::app {

namespace {

QString roleText(common::Role role)
{
    switch (role) {
    case common::Role::Customer:
        return AccountPage::tr("Customer");
    case common::Role::Agent:
        return AccountPage::tr("Agent");
    case common::Role::Admin:
        return AccountPage::tr("Administrator");
    }
    return {};
}

} // namespace

AccountPage::AccountPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_summary(new QLabel(this)),
      m_signOut(new QPushButton(tr("Sign &out"), this))
{
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_signOut->setObjectName(QStringLiteral("signOutPushButton"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_signOut, 0, Qt::AlignLeft);
    layout->addStretch(1);
    connect(m_signOut, &QPushButton::clicked, this, [this] {
        m_signOut->setEnabled(false);
        m_session.signOut(this, [this](const common::Result<bool>& done) {
            m_signOut->setEnabled(true);
            if (!done)
                MessageBox::warning(this, tr("Sign out"),
                                    tr("You are signed out on this computer, but the server could not be told: %1")
                                        .arg(ErrorText::describe(done.error())));
        });
    });
}

void AccountPage::showUser(const common::UserInfo& user)
{
    const QString lastSignIn = user.lastSignInAt.isValid()
                                   ? QLocale().toString(user.lastSignInAt.toLocalTime(), QLocale::LongFormat)
                                   : tr("never");
    m_summary->setText(tr("<h2>Welcome, %1</h2><p>Signed in as <b>%2</b> (%3).</p><p>Signed in at: %4</p>")
                           .arg(user.displayName.toHtmlEscaped(), user.email.toHtmlEscaped(), roleText(user.role),
                                lastSignIn));
}

} // namespace ccr::app
