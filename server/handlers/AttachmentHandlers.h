#pragma once

namespace ccr::server {

class AttachmentService;
class Dispatcher;

/** attachments.*: chunked upload and download. */
namespace AttachmentHandlers {
void registerIn(Dispatcher& dispatcher, AttachmentService& attachments);
}

} // namespace ccr::server
