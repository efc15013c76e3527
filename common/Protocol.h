#pragma once

#include <QLatin1String>

namespace ccr::common::Protocol {

/** A different major is refused at hello; minors add optional fields and methods only. */
inline constexpr int kMajorVersion = 1;
inline constexpr int kMinorVersion = 0;

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
} // namespace Method

/** Push events. Append only, like methods. */
namespace Event {
inline const QLatin1String SessionEnded("session.ended");
inline const QLatin1String AdminRequestCreated("admin.requestCreated");
} // namespace Event

} // namespace ccr::common::Protocol
