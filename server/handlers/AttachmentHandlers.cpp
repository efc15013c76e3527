#include "AttachmentHandlers.h"

#include "common/Protocol.h"
#include "common/tickets/AttachmentResult.h"
#include "common/tickets/UploadRef.h"
#include "net/Dispatcher.h"
#include "services/AttachmentService.h"

namespace ccr::server::AttachmentHandlers {

namespace Method = common::Protocol::Method;

void registerIn(Dispatcher& dispatcher, AttachmentService& attachments)
{
    dispatcher.addTyped<common::BeginUploadParams>(
        Method::BeginUpload, [&attachments](const CallContext& call, const auto& params, const Responder& out) {
            out.send(attachments.begin(call.caller, params));
        });
    dispatcher.addTyped<common::UploadChunkParams>(
        Method::UploadChunk, [&attachments](const CallContext& call, const auto& params, const Responder& out) {
            out.send(attachments.chunk(call.caller, params));
        });
    dispatcher.addTyped<common::UploadRef>(
        Method::FinishUpload, [&attachments](const CallContext& call, const auto& params, const Responder& out) {
            auto attachment = attachments.finish(call.caller, params.uploadId);
            if (!attachment)
                return out.fail(attachment.error());
            out.reply(common::AttachmentResult{attachment.value()}.toCbor());
        });
    dispatcher.addTyped<common::DownloadParams>(
        Method::Download, [&attachments](const CallContext& call, const auto& params, const Responder& out) {
            out.send(attachments.download(call.caller, params));
        });
}

} // namespace ccr::server::AttachmentHandlers
