#pragma once

#include "../CborCodec.h"
#include "../TicketPriority.h"

#include <QCborMap>
#include <QList>

namespace ccr::common {

/** tickets.create params. customerId is for admins creating on a customer's behalf. */
struct CreateTicketParams
{
    QString subject;
    QString description;
    qint64 categoryId = 0;
    TicketPriority priority = TicketPriority::Medium;
    qint64 customerId = 0;
    QList<qint64> attachmentIds;

    static auto fields()
    {
        return std::tuple{cbor::required("subject", &CreateTicketParams::subject, 1000),
                          cbor::required("description", &CreateTicketParams::description, 100000),
                          cbor::required("categoryId", &CreateTicketParams::categoryId),
                          cbor::required("priority", &CreateTicketParams::priority),
                          cbor::optional("customerId", &CreateTicketParams::customerId),
                          cbor::optional("attachmentIds", &CreateTicketParams::attachmentIds, 20)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<CreateTicketParams> fromCbor(const QCborMap& map) { return cbor::fromMap<CreateTicketParams>(map); }
    friend bool operator==(const CreateTicketParams&, const CreateTicketParams&) = default;
};

} // namespace ccr::common
