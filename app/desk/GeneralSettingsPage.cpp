#include "GeneralSettingsPage.h"

#include "client/ApiClient.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace ccr::app {

QString GeneralSettingsPage::languageKey()
{
    return QStringLiteral("ui/language");
}

GeneralSettingsPage::GeneralSettingsPage(ApiClient& client, QWidget* parent)
    : QWidget(parent), m_language(new QComboBox(this)), m_languageNote(new QLabel(this))
{
    setObjectName(QStringLiteral("generalSettingsPage"));
    m_language->setObjectName(QStringLiteral("languageComboBox"));
    m_language->setAccessibleName(tr("Language"));
    // Each language in its own words, so a person can find theirs whatever the app shows now.
    m_language->addItem(tr("As the system"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("தமிழ்"), QStringLiteral("ta"));
    m_language->addItem(QStringLiteral("हिन्दी"), QStringLiteral("hi"));
    const QString current = QSettings().value(languageKey()).toString();
    m_language->setCurrentIndex(std::max(0, m_language->findData(current)));
    m_languageNote->setObjectName(QStringLiteral("languageNoteLabel"));
    m_languageNote->setWordWrap(true);

    auto* server = new QLabel(tr("%1, port %2").arg(client.host(), QString::number(client.port())), this);
    server->setObjectName(QStringLiteral("serverLabel"));
    server->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* changeServer = new QPushButton(tr("Sign out and use another &server…"), this);
    changeServer->setObjectName(QStringLiteral("changeServerPushButton"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_languageNote);
    form->addRow(tr("Server:"), server);
    form->addRow(QString(), changeServer);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);

    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(languageKey(), m_language->currentData().toString());
        m_languageNote->setText(tr("The new language is used from the next start of the app."));
    });
    connect(changeServer, &QPushButton::clicked, this, &GeneralSettingsPage::changeServerRequested);
}

} // namespace ccr::app
