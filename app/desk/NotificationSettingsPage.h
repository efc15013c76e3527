#pragma once

#include "common/NotificationKind.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace ccr::app {

class ApiClient;

/** Settings: which emails to get. Security mail is always sent and is not offered here. */
class NotificationSettingsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit NotificationSettingsPage(ApiClient& client, QWidget* parent = nullptr);

    static QString describe(common::NotificationKind kind);

private:
    void load();
    void save();

    ApiClient& m_client;
    QVBoxLayout* m_boxes;
    QHash<common::NotificationKind, QCheckBox*> m_checks;
    QPushButton* m_save;
    QLabel* m_message;
};

} // namespace ccr::app
