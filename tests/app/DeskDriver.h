#pragma once

#include "TestServer.h"
#include "client/ApiClient.h"
#include "client/Session.h"
#include "client/SettingsTrustStore.h"
#include "desk/CustomerWindow.h"
#include "desk/DeskWindow.h"
#include "desk/MessageBox.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

namespace ccr::tests {

/** The real window and client library against a real server over TLS, driven like a person would. */
struct DeskDriver
{
    QTemporaryDir dir;
    app::SettingsTrustStore trust{dir.filePath(QStringLiteral("trust.ini"))};
    app::ApiClient client{trust};
    app::Session session{client};
    app::DeskWindow window{client, session};

    template <typename T>
    T* find(const char* name, QObject* under = nullptr)
    {
        auto* widget = (under ? under : &window)->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("widget %s not found", name);
        return widget;
    }

    /** Types like a keyboard; text beyond ASCII (which QTest cannot type) is inserted as an input method would. */
    void type(QWidget* field, const QString& text)
    {
        auto* line = qobject_cast<QLineEdit*>(field);
        auto* plain = qobject_cast<QPlainTextEdit*>(field);
        if (line)
            line->clear();
        if (plain)
            plain->clear();
        bool ascii = true;
        for (const QChar c : text)
            ascii = ascii && c.unicode() < 128;
        if (ascii)
            QTest::keyClicks(field, text);
        else if (line)
            line->insert(text);
        else if (plain)
            plain->insertPlainText(text);
    }

    /** Fills in the server and presses Connect. */
    void connectTo(quint16 port)
    {
        type(find<QLineEdit>("hostLineEdit"), QStringLiteral("127.0.0.1"));
        find<QSpinBox>("portSpinBox")->setValue(port);
        QTest::mouseClick(find<QPushButton>("connectPushButton"), Qt::LeftButton);
    }

    /** Connects and answers the trust prompt with yes. */
    bool connectAndTrust(const TestServer& server)
    {
        app::MessageBox::setNextAnswer(QMessageBox::Yes);
        connectTo(server.port());
        return QTest::qWaitFor([this] { return client.state() == app::ConnectionState::Connected; }, 10000);
    }

    /** Types the credentials and presses Return, without waiting for the answer. */
    void submitSignIn(const QString& email, const QString& password)
    {
        type(find<QLineEdit>("emailLineEdit"), email);
        type(find<QLineEdit>("passwordLineEdit"), password);
        QTest::keyClick(find<QLineEdit>("passwordLineEdit"), Qt::Key_Return);
    }

    bool signIn(const QString& email, const QString& password)
    {
        submitSignIn(email, password);
        return QTest::qWaitFor([this] { return session.isSignedIn(); }, 10000);
    }

    app::CustomerWindow& customer() { return *window.customerWindow(); }
    QString connectionText() { return find<QLabel>("connectionLabel")->text(); }
    QString message() { return find<QLabel>("messageLabel")->text(); }
    QString conversation() { return find<QTextBrowser>("conversationBrowser")->toPlainText(); }
    QString header() { return find<QLabel>("ticketHeaderLabel")->text(); }
};

} // namespace ccr::tests
