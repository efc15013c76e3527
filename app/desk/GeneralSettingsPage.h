#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace ccr::app {

class ApiClient;

/** Settings: the language of the app and the server it talks to. */
class GeneralSettingsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit GeneralSettingsPage(ApiClient& client, QWidget* parent = nullptr);

    /** The QSettings key DeskMain reads at start; empty value: the system's language. */
    static QString languageKey();

Q_SIGNALS:
    /** The person wants another server: sign out and show the sign-in page. */
    void changeServerRequested();

private:
    QComboBox* m_language;
    QLabel* m_languageNote;
};

} // namespace ccr::app
