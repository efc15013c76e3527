// libFuzzer target: a params map of any shape, given to every request type's parser. Each
// must either decode (and then survive a round trip) or return a typed error; never crash.
#include "common/FrameDecoder.h"
#include "common/account/ChangePasswordParams.h"
#include "common/account/DisableTwoFactorParams.h"
#include "common/account/MailQueueParams.h"
#include "common/account/NotificationPreferences.h"
#include "common/account/RequestPasswordResetParams.h"
#include "common/account/ResetPasswordParams.h"
#include "common/account/ServerSettings.h"
#include "common/account/TwoFactorCodeParams.h"
#include "common/messages/CreateAgentParams.h"
#include "common/messages/DecideAdminRequestParams.h"
#include "common/messages/HelloParams.h"
#include "common/messages/ListUsersParams.h"
#include "common/messages/RegisterParams.h"
#include "common/messages/ResumeParams.h"
#include "common/messages/SetUserStateParams.h"
#include "common/messages/SignInParams.h"
#include "common/tickets/AssignParams.h"
#include "common/tickets/BeginUploadParams.h"
#include "common/tickets/CreateCategoryParams.h"
#include "common/tickets/CreateTicketParams.h"
#include "common/tickets/DownloadParams.h"
#include "common/tickets/ListCategoriesParams.h"
#include "common/tickets/ListTicketsParams.h"
#include "common/tickets/RateTicketParams.h"
#include "common/tickets/RenameCategoryParams.h"
#include "common/tickets/ReplyParams.h"
#include "common/tickets/ResolveParams.h"
#include "common/tickets/SearchTicketsParams.h"
#include "common/tickets/SetCategoryActiveParams.h"
#include "common/tickets/SetStatusParams.h"
#include "common/tickets/TicketRef.h"
#include "common/tickets/UploadChunkParams.h"
#include "common/tickets/UploadRef.h"

#include <cstddef>
#include <cstdint>

namespace {

template <typename... Params>
void parseAll(const QCborMap& map)
{
    (
        [&map] {
            auto parsed = Params::fromCbor(map);
            if (parsed) {
                auto again = Params::fromCbor(parsed->toCbor());
                if (!again || !(again.value() == parsed.value()))
                    __builtin_trap();
            } else if (parsed.error().code != ccr::common::ErrorCode::InvalidParams) {
                __builtin_trap();
            }
        }(),
        ...);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace ccr::common;
    // Through the frame decoder, exactly as the server receives params (depth and size limits apply).
    QByteArray frame(4, '\0');
    const auto length = static_cast<quint32>(size);
    frame[0] = static_cast<char>(length >> 24);
    frame[1] = static_cast<char>(length >> 16);
    frame[2] = static_cast<char>(length >> 8);
    frame[3] = static_cast<char>(length);
    frame.append(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    FrameDecoder decoder(64 * 1024);
    decoder.append(frame);
    auto decoded = decoder.next();
    if (!decoded || !decoded.value())
        return 0;
    parseAll<HelloParams, RegisterParams, SignInParams, ResumeParams, CreateAgentParams, DecideAdminRequestParams,
             SetUserStateParams, ListUsersParams, CreateTicketParams, TicketRef, ListTicketsParams,
             SearchTicketsParams, ReplyParams, SetStatusParams, ResolveParams, AssignParams, ListCategoriesParams,
             CreateCategoryParams, RenameCategoryParams, SetCategoryActiveParams, BeginUploadParams,
             UploadChunkParams, UploadRef, DownloadParams, RequestPasswordResetParams, ResetPasswordParams,
             ChangePasswordParams, NotificationPreferences, MailQueueParams, TwoFactorCodeParams,
             DisableTwoFactorParams, ServerSettings, RateTicketParams>(*decoded.value());
    return 0;
}
