#include "MailTemplates.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>

namespace ccr::server::MailTemplates {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("MailTemplates", text);
}

const QString kQuote = QStringLiteral("> ");
const QString kSignatureMark = QStringLiteral("-- \n");

/** A paragraph, or a quoted block (a description, a reply, a resolution note). */
struct Block
{
    QString text;
    bool quoted = false;
};

MailContent compose(const QString& subject, const QString& greetingName, const QList<Block>& blocks)
{
    QStringList text{tr("Hello %1,").arg(greetingName)};
    for (const auto& block : blocks) {
        if (block.quoted) {
            // Every line quoted, blank ones too ("> "), so a quote is one paragraph: html() relies on it.
            QStringList lines = block.text.split(QLatin1Char('\n'));
            for (auto& line : lines)
                line.prepend(kQuote);
            text.append(lines.join(QLatin1Char('\n')));
        } else {
            text.append(block.text);
        }
    }
    text.append(kSignatureMark + tr("Your Customer Care Registry help desk"));
    return {subject, text.join(QStringLiteral("\n\n")) + QLatin1Char('\n')};
}

QString escapedLines(const QStringList& lines)
{
    return lines.join(QLatin1Char('\n')).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString ticketLine(const common::TicketInfo& ticket)
{
    return tr("Ticket %1: %2\nCategory: %3\nPriority: %4\nStatus: %5")
        .arg(ticket.number, ticket.subject, ticket.categoryName, common::wireName(ticket.priority),
             common::wireName(ticket.status));
}

QString ticketSubject(const common::TicketInfo& ticket, const QString& what)
{
    return QStringLiteral("[%1] %2 — %3").arg(ticket.number, ticket.subject, what);
}

} // namespace

MailContent welcome(const common::UserInfo& user)
{
    return compose(tr("Welcome to the help desk"), user.displayName,
                   {{tr("Your account %1 is ready. Sign in with the desktop app to raise a ticket and follow it "
                        "until it is solved.")
                         .arg(user.email)}});
}

MailContent ticketReceived(const common::TicketInfo& ticket)
{
    return compose(ticketSubject(ticket, tr("we received your ticket")), ticket.customerName,
                   {{tr("Thank you. We received your ticket and will assign it to an agent shortly.")},
                    {ticketLine(ticket)},
                    {ticket.description, true},
                    {tr("You will get a mail whenever an agent answers.")}});
}

MailContent agentAssignedToCustomer(const common::TicketInfo& ticket)
{
    return compose(ticketSubject(ticket, tr("assigned to %1").arg(ticket.agentName)), ticket.customerName,
                   {{tr("%1 is now looking after your ticket.").arg(ticket.agentName)}, {ticketLine(ticket)}});
}

MailContent agentAssignedToAgent(const common::TicketInfo& ticket)
{
    return compose(ticketSubject(ticket, tr("assigned to you")), ticket.agentName,
                   {{tr("A ticket from %1 was assigned to you.").arg(ticket.customerName)},
                    {ticketLine(ticket)},
                    {ticket.description, true}});
}

MailContent newReply(const common::TicketInfo& ticket, const common::MessageInfo& message)
{
    const bool toCustomer = message.authorId != ticket.customerId;
    const QString recipient = toCustomer ? ticket.customerName : ticket.agentName;
    return compose(ticketSubject(ticket, tr("new reply from %1").arg(message.authorName)), recipient,
                   {{tr("%1 wrote:").arg(message.authorName)},
                    {message.body, true},
                    {toCustomer ? tr("Answer in the desktop app to continue the conversation.")
                                : tr("Answer in the agent desk.")}});
}

MailContent ticketResolved(const common::TicketInfo& ticket)
{
    return compose(ticketSubject(ticket, tr("resolved")), ticket.customerName,
                   {{tr("%1 resolved your ticket:").arg(ticket.agentName)},
                    {ticket.resolution, true},
                    {tr("If this did not solve your problem, reply to the ticket in the desktop app and it opens "
                        "again. If it did, you can confirm and close it there.")}});
}

MailContent ticketClosed(const common::TicketInfo& ticket)
{
    return compose(ticketSubject(ticket, tr("closed")), ticket.customerName,
                   {{tr("Your ticket is now closed. Thank you for your patience.")},
                    {tr("Need more help? Raise a new ticket in the desktop app.")}});
}

MailContent adminRequestReceived(const common::UserInfo& requester)
{
    return compose(tr("%1 asks to become an administrator").arg(requester.displayName), tr("administrator"),
                   {{tr("%1 (%2) registered and asks to become an administrator. Accept or reject the request in "
                        "the admin console.")
                         .arg(requester.displayName, requester.email)}});
}

MailContent adminRequestDecided(const common::UserInfo& requester, bool approved)
{
    if (approved)
        return compose(tr("Your administrator request was accepted"), requester.displayName,
                       {{tr("You can now sign in as an administrator.")}});
    return compose(tr("Your administrator request was declined"), requester.displayName,
                   {{tr("An administrator declined your request. You can still sign in as a customer.")}});
}

MailContent agentCreated(const common::UserInfo& agent)
{
    return compose(tr("Your agent account is ready"), agent.displayName,
                   {{tr("An administrator created an agent account for %1. Sign in with the password they gave "
                        "you, and change it in the settings.")
                         .arg(agent.email)}});
}

MailContent passwordResetCode(const common::UserInfo& user, const QString& code, int validMinutes)
{
    // Never in the subject: admins see subjects in the mail queue, and the code opens the account.
    return compose(tr("Your password reset code"), user.displayName,
                   {{tr("Use this code to set a new password. It works once, for %1 minutes.").arg(validMinutes)},
                    {code},
                    {tr("If you did not ask for it, ignore this mail; your password stays as it is.")}});
}

MailContent passwordChanged(const common::UserInfo& user)
{
    return compose(
        tr("Your password was changed"), user.displayName,
        {{tr("The password of %1 was just changed; other signed-in devices were signed out.").arg(user.email)},
         {tr("If this was not you, reset your password now and tell your help desk administrator.")}});
}

MailContent twoFactorChanged(const common::UserInfo& user, bool enabled)
{
    return compose(
        enabled ? tr("Two-factor sign-in is now on") : tr("Two-factor sign-in was turned off"), user.displayName,
        {{enabled ? tr("Signing in to %1 now also needs a code from your authenticator app. Keep your "
                       "recovery codes somewhere safe.")
                        .arg(user.email)
                  : tr("Signing in to %1 no longer needs a code from your authenticator app.").arg(user.email)},
         {tr("If this was not you, reset your password now and tell your help desk administrator.")}});
}

QString html(const QString& text)
{
    QString html = QStringLiteral("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
    QString body = text;
    if (body.endsWith(QLatin1Char('\n')))
        body.chop(1);
    for (const QString& paragraph : body.split(QStringLiteral("\n\n"))) {
        if (paragraph.startsWith(kSignatureMark)) {
            html += QStringLiteral("<p style=\"color:#666\">") + escapedLines({paragraph.mid(kSignatureMark.size())}) +
                    QStringLiteral("</p>");
            continue;
        }
        QStringList lines = paragraph.split(QLatin1Char('\n'));
        const bool quoted =
            std::all_of(lines.cbegin(), lines.cend(), [](const QString& line) { return line.startsWith(kQuote); });
        if (quoted) {
            for (auto& line : lines)
                line.remove(0, kQuote.size());
            html += QStringLiteral("<blockquote style=\"border-left:3px solid #ccc;margin:0;padding-left:1em\">") +
                    escapedLines(lines) + QStringLiteral("</blockquote>");
        } else {
            html += QStringLiteral("<p>") + escapedLines(lines) + QStringLiteral("</p>");
        }
    }
    return html + QStringLiteral("</body></html>");
}

} // namespace ccr::server::MailTemplates
