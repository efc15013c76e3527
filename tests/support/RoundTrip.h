#pragma once

#include <QCborValue>
#include <QTest>

namespace ccr::tests {

/** Encodes a protocol message to bytes, as on the wire, decodes it again and compares. */
template <typename T>
void checkRoundTrip(const T& message)
{
    const QByteArray bytes = QCborValue(message.toCbor()).toCbor();
    auto decoded = T::fromCbor(QCborValue::fromCbor(bytes).toMap());
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QVERIFY(decoded.value() == message);
}

} // namespace ccr::tests
