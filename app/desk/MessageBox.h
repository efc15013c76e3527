#pragma once

#include <QMessageBox>
#include <optional>

namespace ccr::app {

/**
 * Every message box of the app goes through here, so a test can answer the next one
 * ahead of time (as KeePassXC does) instead of blocking on a modal dialog.
 */
class MessageBox final
{
public:
    static QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                               QMessageBox::StandardButtons buttons, QMessageBox::StandardButton dflt);
    static void warning(QWidget* parent, const QString& title, const QString& text);

    /** The next box returns this at once without showing. */
    static void setNextAnswer(QMessageBox::StandardButton answer);
    /** Title and text of the last box shown or pre-answered, for tests. */
    static QString lastText();

private:
    static QMessageBox::StandardButton show(QMessageBox::Icon icon, QWidget* parent, const QString& title,
                                            const QString& text, QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton dflt);
};

} // namespace ccr::app
