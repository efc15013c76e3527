#pragma once

#include <QByteArray>
#include <QCborMap>

namespace ccr::common::Framing {

/** Every frame starts with the payload length as a 4-byte big-endian unsigned integer. */
inline constexpr qsizetype kHeaderBytes = 4;

/** Largest payload accepted by default; attachments travel in chunks well below it. */
inline constexpr qsizetype kDefaultMaxPayloadBytes = 1024 * 1024;

/** Length prefix + CBOR encoding of one map. */
QByteArray encode(const QCborMap& payload);

} // namespace ccr::common::Framing
