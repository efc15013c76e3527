#include "NotificationSettingsPage.h"

#include "ErrorText.h"
#include "client/ApiClient.h"
#include "client/TypedCall.h"
#include "common/Protocol.h"
#include "common/account/NotificationPreferences.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ccr::app {

namespace Method = common::Protocol::Method;
using common::NotificationKind;

NotificationSettingsPage::NotificationSettingsPage(ApiClient& client, QWidget* parent)
    : QWidget(parent), m_client(client), m_boxes(new QVBoxLayout), m_save(new QPushButton(tr("&Save"), this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("notificationSettingsPage"));
    m_save->setObjectName(QStringLiteral("saveNotificationsPushButton"));
    m_message->setObjectName(QStringLiteral("notificationsMessageLabel"));
    m_message->setWordWrap(true);
    auto* intro = new QLabel(tr("Email me when:"), this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(m_boxes);
    layout->addWidget(new QLabel(tr("Password, sign-in and security emails are always sent."), this));
    layout->addWidget(m_save, 0, Qt::AlignLeft);
    layout->addWidget(m_message);
    layout->addStretch(1);
    connect(m_save, &QPushButton::clicked, this, &NotificationSettingsPage::save);
    load();
}

QString NotificationSettingsPage::describe(NotificationKind kind)
{
    switch (kind) {
    case NotificationKind::Welcome:
        return tr("my account is created");
    case NotificationKind::TicketReceived:
        return tr("a ticket of mine is received");
    case NotificationKind::AgentAssigned:
        return tr("an agent takes on my ticket");
    case NotificationKind::NewReply:
        return tr("there is a new reply");
    case NotificationKind::TicketResolved:
        return tr("my ticket is resolved");
    case NotificationKind::TicketClosed:
        return tr("my ticket is closed");
    case NotificationKind::AdminRequest:
        return tr("someone asks to become an admin");
    case NotificationKind::AdminDecision:
        return tr("my admin request is decided");
    case NotificationKind::AgentCreated:
        return tr("an agent account is created for me");
    case NotificationKind::PasswordReset:
    case NotificationKind::SecurityChange:
        break;
    }
    return {};
}

void NotificationSettingsPage::load()
{
    m_save->setEnabled(false);
    callFor<common::NotificationPreferences>(
        m_client, Method::GetNotificationPreferences, {}, this,
        [this](const common::Result<common::NotificationPreferences>& preferences) {
            if (!preferences) {
                m_message->setText(ErrorText::describe(preferences.error()));
                return;
            }
            // The server says which kinds this account gets and may turn off.
            for (const auto kind : preferences->optional) {
                auto* box = new QCheckBox(describe(kind), this);
                box->setObjectName(QStringLiteral("notify_") + common::wireName(kind));
                box->setChecked(!preferences->disabled.contains(kind));
                m_boxes->addWidget(box);
                m_checks.insert(kind, box);
            }
            m_save->setEnabled(true);
        });
}

void NotificationSettingsPage::save()
{
    common::NotificationPreferences preferences;
    for (auto it = m_checks.cbegin(); it != m_checks.cend(); ++it) {
        if (!it.value()->isChecked())
            preferences.disabled.append(it.key());
    }
    m_save->setEnabled(false);
    m_client.call(Method::SetNotificationPreferences, preferences.toCbor(), this,
                  [this](const common::Result<QCborMap>& reply) {
                      m_save->setEnabled(true);
                      m_message->setText(reply ? tr("Saved.") : ErrorText::describe(reply.error()));
                  });
}

} // namespace ccr::app
