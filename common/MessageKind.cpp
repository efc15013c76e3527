#include "MessageKind.h"

#include "EnumNames.h"

namespace ccr::common {

namespace {
constexpr EnumNames<MessageKind, 3> kNames{{{
    {MessageKind::Public, "public"},
    {MessageKind::Internal, "internal"},
    {MessageKind::System, "system"},
}}};
} // namespace

QString wireName(MessageKind kind)
{
    return kNames.name(kind);
}

bool fromWireName(const QString& name, MessageKind& kind)
{
    return kNames.parse(name, kind);
}

} // namespace ccr::common
