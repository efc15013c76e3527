#pragma once

#include <QString>

namespace ccr::common {

/** Public replies go to the customer; internal notes never do; system entries record changes. */
enum class MessageKind
{
    Public,
    Internal,
    System,
};

/** "public", "internal", "system". */
QString wireName(MessageKind kind);
bool fromWireName(const QString& name, MessageKind& kind);

} // namespace ccr::common
