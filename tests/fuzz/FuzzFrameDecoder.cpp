// libFuzzer target: arbitrary bytes as a client would send them. The decoder must never
// crash, hang or allocate more than its limit, and every frame it accepts must re-encode.
#include "common/Envelope.h"
#include "common/FrameDecoder.h"
#include "common/Framing.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ccr::common::FrameDecoder decoder(64 * 1024);
    // Feed in two pieces so the reassembly path is exercised too.
    const auto half = static_cast<qsizetype>(size / 2);
    decoder.append(QByteArray(reinterpret_cast<const char*>(data), half));
    decoder.append(QByteArray(reinterpret_cast<const char*>(data) + half, static_cast<qsizetype>(size) - half));
    for (int frames = 0; frames < 64; ++frames) {
        auto frame = decoder.next();
        if (!frame || !frame.value())
            break;
        const QByteArray again = ccr::common::Framing::encode(*frame.value());
        if (again.size() < ccr::common::Framing::kHeaderBytes)
            __builtin_trap();
        auto request = ccr::common::RequestEnvelope::fromCbor(*frame.value());
        if (request)
            (void)request->toCbor();
    }
    return 0;
}
