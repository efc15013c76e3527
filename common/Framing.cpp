#include "Framing.h"

#include <QtEndian>

namespace ccr::common::Framing {

QByteArray encode(const QCborMap& payload)
{
    const QByteArray body = payload.toCborValue().toCbor();
    QByteArray frame(kHeaderBytes, Qt::Uninitialized);
    qToBigEndian<quint32>(static_cast<quint32>(body.size()), frame.data());
    frame.append(body);
    return frame;
}

} // namespace ccr::common::Framing
