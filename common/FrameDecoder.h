#pragma once

#include "Framing.h"
#include "Result.h"

#include <QByteArray>
#include <QCborMap>
#include <optional>

namespace ccr::common {

/**
 * Splits a byte stream into CBOR map frames. The declared length is checked against the
 * limit before any payload is buffered, so an oversized frame costs four bytes to refuse.
 * After an error the stream is out of sync and the decoder refuses everything further.
 */
class FrameDecoder final
{
public:
    explicit FrameDecoder(qsizetype maxPayloadBytes = Framing::kDefaultMaxPayloadBytes);

    void append(const QByteArray& bytes);

    /** The next complete frame, std::nullopt if more bytes are needed, or an error. */
    Result<std::optional<QCborMap>> next();

    bool failed() const { return m_failed; }
    qsizetype bufferedBytes() const { return m_buffer.size() - m_readPos; }

    /** Deepest container nesting a frame may have; deeper ones are refused. */
    static constexpr int kMaxNestingDepth = 32;

private:
    Error fail(ErrorCode code, const QString& message);

    QByteArray m_buffer;
    qsizetype m_readPos = 0;
    qsizetype m_maxPayloadBytes;
    bool m_failed = false;
};

} // namespace ccr::common
