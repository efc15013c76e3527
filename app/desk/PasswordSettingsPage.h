#pragma once

#include "FieldErrors.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ccr::app {

class ApiClient;

/** Settings: change the password (the current one is asked for; this session stays signed in). */
class PasswordSettingsPage final : public QWidget
{
    Q_OBJECT
public:
    PasswordSettingsPage(ApiClient& client, const QString& email, QWidget* parent = nullptr);

private:
    void submit();

    ApiClient& m_client;
    QString m_email;
    QLineEdit* m_current;
    QLineEdit* m_new;
    QLineEdit* m_confirmation;
    QPushButton* m_submit;
    QLabel* m_message;
    FieldErrors m_errors;
};

} // namespace ccr::app
