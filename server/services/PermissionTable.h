#pragma once

#include "common/Result.h"
#include "common/Role.h"

#include <QString>
#include <optional>

namespace ccr::server::PermissionTable {

/**
 * The one place where a request is authorised by method and caller role, following the
 * design's permission table. A method without an entry cannot be dispatched at all.
 * Per-object rules (own ticket, assigned agent) are checked by the services on top.
 */
bool knows(const QString& method);

/** What a connection that must set up two-factor sign-in first may still call. */
bool allowedBeforeTwoFactorSetup(const QString& method);

/** NotAuthenticated for an anonymous caller of a signed-in method, PermissionDenied for a wrong role. */
common::Result<void> authorize(const QString& method, std::optional<common::Role> callerRole);

} // namespace ccr::server::PermissionTable
