#include "FrameDecoder.h"

#include <QCborStreamReader>
#include <QtEndian>

namespace ccr::common {

namespace {

// Walks the encoded item without building it, so a hostile frame of thousands of nested
// arrays is refused before QCborValue would recurse into it. Also refuses trailing bytes.
bool isSingleItemWithinDepth(const QByteArray& cbor, int maxDepth)
{
    QCborStreamReader reader(cbor);
    int depth = 0;
    while (reader.lastError() == QCborError::NoError) {
        if (!reader.hasNext()) {
            if (depth == 0)
                return reader.currentOffset() == cbor.size();
            if (!reader.leaveContainer())
                return false;
            if (--depth == 0)
                return reader.currentOffset() == cbor.size();
            continue;
        }
        if (reader.isArray() || reader.isMap()) {
            if (++depth > maxDepth || !reader.enterContainer())
                return false;
            continue;
        }
        if (reader.isString() || reader.isByteArray()) {
            auto chunk = reader.isString() ? reader.readString().status : reader.readByteArray().status;
            while (chunk == QCborStreamReader::Ok)
                chunk = reader.isString() ? reader.readString().status : reader.readByteArray().status;
            if (chunk == QCborStreamReader::Error)
                return false;
            if (depth == 0)
                return reader.currentOffset() == cbor.size();
            continue;
        }
        // Tags and simple values; a tag may wrap a container, hence the bounded recursion.
        if (!reader.next(maxDepth - depth))
            return false;
        if (depth == 0)
            return reader.currentOffset() == cbor.size();
    }
    return false;
}

} // namespace

FrameDecoder::FrameDecoder(qsizetype maxPayloadBytes) : m_maxPayloadBytes(maxPayloadBytes) {}

void FrameDecoder::append(const QByteArray& bytes)
{
    if (m_failed)
        return;
    // Compact lazily so a stream of small frames does not shift the buffer every time.
    if (m_readPos > 0 && m_readPos * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_readPos);
        m_readPos = 0;
    }
    m_buffer.append(bytes);
}

Result<std::optional<QCborMap>> FrameDecoder::next()
{
    if (m_failed)
        return Error(ErrorCode::BadFrame, QStringLiteral("The stream is out of sync after an earlier error."));
    if (bufferedBytes() < Framing::kHeaderBytes)
        return std::optional<QCborMap>{};

    const auto declared = qFromBigEndian<quint32>(m_buffer.constData() + m_readPos);
    if (static_cast<qint64>(declared) > m_maxPayloadBytes)
        return fail(ErrorCode::FrameTooLarge, QStringLiteral("Frame of %1 bytes exceeds the limit of %2 bytes.")
                                                  .arg(declared)
                                                  .arg(m_maxPayloadBytes));
    if (bufferedBytes() < Framing::kHeaderBytes + static_cast<qsizetype>(declared))
        return std::optional<QCborMap>{};

    const QByteArray payload = m_buffer.mid(m_readPos + Framing::kHeaderBytes, declared);
    m_readPos += Framing::kHeaderBytes + declared;
    if (m_readPos == m_buffer.size()) {
        m_buffer.clear();
        m_readPos = 0;
    }

    if (!isSingleItemWithinDepth(payload, kMaxNestingDepth))
        return fail(ErrorCode::BadFrame,
                    QStringLiteral("Frame is not a single CBOR item, is truncated or nests too deeply."));
    QCborParserError parseError;
    const QCborValue value = QCborValue::fromCbor(payload, &parseError);
    if (parseError.error != QCborError::NoError)
        return fail(ErrorCode::BadFrame, QStringLiteral("Frame is not valid CBOR: %1").arg(parseError.errorString()));
    if (!value.isMap())
        return fail(ErrorCode::BadFrame, QStringLiteral("Frame payload is not a CBOR map."));
    return std::optional<QCborMap>{value.toMap()};
}

Error FrameDecoder::fail(ErrorCode code, const QString& message)
{
    m_failed = true;
    m_buffer.clear();
    m_readPos = 0;
    return Error(code, message);
}

} // namespace ccr::common
