#pragma once

#include <QLatin1String>

namespace ccr::common::Protocol {

/** A different major is refused at hello; minors add optional fields and methods only. */
inline constexpr int kMajorVersion = 1;
inline constexpr int kMinorVersion = 4;

/**
 * The method registry. Append only: never rename, renumber or reuse a name, because
 * older clients call them. Every method is listed in docs/protocol.md.
 */
namespace Method {
inline const QLatin1String Hello("hello");
inline const QLatin1String Register("auth.register");
inline const QLatin1String SignIn("auth.signIn");
inline const QLatin1String Resume("auth.resume");
inline const QLatin1String SignOut("auth.signOut");
inline const QLatin1String Me("account.me");
inline const QLatin1String CreateAgent("admin.createAgent");
inline const QLatin1String ListUsers("admin.listUsers");
inline const QLatin1String ListAdminRequests("admin.listAdminRequests");
inline const QLatin1String DecideAdminRequest("admin.decideAdminRequest");
inline const QLatin1String SetUserState("admin.setUserState");
inline const QLatin1String CreateTicket("tickets.create");
inline const QLatin1String GetTicket("tickets.get");
inline const QLatin1String ListTickets("tickets.list");
inline const QLatin1String SearchTickets("tickets.search");
inline const QLatin1String Reply("tickets.reply");
inline const QLatin1String SetStatus("tickets.setStatus");
inline const QLatin1String Resolve("tickets.resolve");
inline const QLatin1String Assign("tickets.assign");
inline const QLatin1String DeleteTicket("tickets.delete");
inline const QLatin1String RestoreTicket("tickets.restore");
inline const QLatin1String TicketHistory("tickets.history");
inline const QLatin1String TicketCounts("tickets.counts");
inline const QLatin1String AgentLoad("tickets.agentLoad");
inline const QLatin1String ListCategories("categories.list");
inline const QLatin1String CreateCategory("categories.create");
inline const QLatin1String RenameCategory("categories.rename");
inline const QLatin1String SetCategoryActive("categories.setActive");
inline const QLatin1String BeginUpload("attachments.begin");
inline const QLatin1String UploadChunk("attachments.chunk");
inline const QLatin1String FinishUpload("attachments.finish");
inline const QLatin1String Download("attachments.download");
inline const QLatin1String RequestPasswordReset("auth.requestPasswordReset");
inline const QLatin1String ResetPassword("auth.resetPassword");
inline const QLatin1String ChangePassword("account.changePassword");
inline const QLatin1String GetNotificationPreferences("account.getNotificationPreferences");
inline const QLatin1String SetNotificationPreferences("account.setNotificationPreferences");
inline const QLatin1String MailQueue("admin.mailQueue");
inline const QLatin1String TwoFactorStatus("account.twoFactorStatus");
inline const QLatin1String BeginTwoFactor("account.beginTwoFactor");
inline const QLatin1String ConfirmTwoFactor("account.confirmTwoFactor");
inline const QLatin1String DisableTwoFactor("account.disableTwoFactor");
inline const QLatin1String GetSettings("admin.getSettings");
inline const QLatin1String SetSettings("admin.setSettings");
inline const QLatin1String RateTicket("tickets.rate");
} // namespace Method

/** Push events. Append only, like methods. */
namespace Event {
inline const QLatin1String SessionEnded("session.ended");
inline const QLatin1String AdminRequestCreated("admin.requestCreated");
inline const QLatin1String TicketCreated("ticket.created");
inline const QLatin1String TicketUpdated("ticket.updated");
inline const QLatin1String TicketAssigned("ticket.assigned");
inline const QLatin1String TicketMessage("ticket.message");
inline const QLatin1String TicketRemoved("ticket.removed");
} // namespace Event

} // namespace ccr::common::Protocol
