#pragma once

#include "common/messages/UserInfo.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace ccr::app {

class Session;

/** The signed-in account: who you are, your role, when you last signed in, and sign out. */
class AccountPage final : public QWidget
{
    Q_OBJECT
public:
    explicit AccountPage(Session& session, QWidget* parent = nullptr);

    void showUser(const common::UserInfo& user);

private:
    Session& m_session;
    QLabel* m_summary;
    QPushButton* m_signOut;
};

} // namespace ccr::app
