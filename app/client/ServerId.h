#pragma once

#include <QString>

namespace ccr::app {

/**
 * "host:port" naming one server in keys the client keeps (keychain entries, drafts): the host
 * case-folded, IPv6 literals in brackets so the port stays unambiguous ("[::1]:7443").
 */
QString serverId(const QString& host, quint16 port);

} // namespace ccr::app
