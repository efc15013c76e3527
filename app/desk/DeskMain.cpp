#include "DeskMain.h"

#include "DeskWindow.h"
#include "GeneralSettingsPage.h"
#include "SignInPage.h"
#include "client/ApiClient.h"
#include "client/Session.h"
#include "client/SessionKeeper.h"
#include "client/SettingsTrustStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <QUrl>

namespace ccr::app {

namespace {

constexpr quint16 kDefaultPort = 7443;

void installTranslations(QApplication& app)
{
    // The language chosen in the settings, else the system's.
    const QString chosen = QSettings().value(GeneralSettingsPage::languageKey()).toString();
    const QLocale locale = chosen.isEmpty() ? QLocale() : QLocale(chosen);
    QLocale::setDefault(locale);
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);
    auto* translator = new QTranslator(&app);
    if (translator->load(locale, QStringLiteral("ccr"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(translator);
}

} // namespace

int deskMain(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CustomerCareRegistry"));
    QApplication::setApplicationName(QStringLiteral("ccr-desk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Customer Care Registry"));
    QApplication::setApplicationVersion(QStringLiteral(CCR_VERSION));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("ccr-desk", "Customer Care Registry desktop app."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"),
                                    QApplication::translate("ccr-desk", "Server to connect to, as host:port."),
                                    QStringLiteral("host:port"));
    parser.addOption(server);
    parser.process(app);

    QSettings settings;
    QString host = settings.value(QStringLiteral("server/host")).toString();
    auto port = static_cast<quint16>(settings.value(QStringLiteral("server/port"), kDefaultPort).toUInt());
    if (parser.isSet(server)) {
        // Parsed as a URL authority so "[::1]:7443" works as well as "helpdesk.example.com:7443".
        const QUrl url(QStringLiteral("ccr://") + parser.value(server), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()) {
            qCritical().noquote() << QApplication::translate("ccr-desk", "Not a server address: %1 (use host:port).")
                                         .arg(parser.value(server));
            return 2;
        }
        host = url.host();
        port = static_cast<quint16>(url.port(kDefaultPort));
    }

    SettingsTrustStore trustStore;
    ApiClient client(trustStore);
    Session session(client);
    SessionKeeper keeper;
    DeskWindow window(client, session, &keeper);
    if (!port)
        port = kDefaultPort;
    window.signInPage()->setServer(host, port);
    window.show();
    if (host.isEmpty())
        return QApplication::exec();
    // A kept session is resumed during the connection handshake: load it first.
    const QString keptEmail = keeper.lastKeptAccount(host, port);
    if (keptEmail.isEmpty()) {
        client.connectToServer(host, port);
    } else {
        // A kept session the server no longer knows (expired, revoked) is dropped from the keychain;
        // what happens to later sessions is the sign-in page's and the window's business.
        auto* firstAnswer = new QObject(&window);
        QObject::connect(&client, &ApiClient::sessionEnded, firstAnswer, [&keeper, host, port, keptEmail, firstAnswer] {
            keeper.forget(host, port, keptEmail, &keeper, [](const common::Result<void>&) {});
            firstAnswer->deleteLater();
        });
        QObject::connect(&client, &ApiClient::sessionResumed, firstAnswer, &QObject::deleteLater);
        keeper.load(host, port, keptEmail, &window, [&client, host, port](const common::Result<QString>& token) {
            if (token && !token.value().isEmpty())
                client.setSessionToken(token.value());
            client.connectToServer(host, port);
        });
    }
    return QApplication::exec();
}

} // namespace ccr::app
