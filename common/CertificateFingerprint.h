#pragma once

#include <QByteArray>
#include <QString>

namespace ccr::common {

/** SHA-256 of a DER certificate as colon-separated upper-case hex: what clients pin and servers print. */
QString certificateFingerprint(const QByteArray& der);

} // namespace ccr::common
