#pragma once

#include "../CborCodec.h"
#include "../TicketPriority.h"
#include "../TicketStatus.h"

#include <QCborMap>
#include <QDateTime>

namespace ccr::common {

/** A ticket as every role may see it (internal notes are never part of it). */
struct TicketInfo
{
    qint64 id = 0;
    QString number;
    QString subject;
    QString description;
    qint64 categoryId = 0;
    QString categoryName;
    TicketPriority priority = TicketPriority::Medium;
    TicketStatus status = TicketStatus::New;
    qint64 customerId = 0;
    QString customerName;
    qint64 agentId = 0;
    QString agentName;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime firstResponseAt;
    QDateTime resolvedAt;
    QDateTime closedAt;
    QString resolution;
    qint64 version = 0;
    bool deleted = false;
    /** The customer's rating of the resolution (since 1.4): 1..5 stars, 0 = not rated. */
    int rating = 0;
    QString ratingComment;
    QDateTime ratedAt;

    static auto fields()
    {
        return std::tuple{cbor::required("id", &TicketInfo::id),
                          cbor::required("number", &TicketInfo::number, 32),
                          cbor::required("subject", &TicketInfo::subject, 200),
                          cbor::required("description", &TicketInfo::description, 20000),
                          cbor::required("categoryId", &TicketInfo::categoryId),
                          cbor::optional("categoryName", &TicketInfo::categoryName, 200),
                          cbor::required("priority", &TicketInfo::priority),
                          cbor::required("status", &TicketInfo::status),
                          cbor::required("customerId", &TicketInfo::customerId),
                          cbor::optional("customerName", &TicketInfo::customerName, 200),
                          cbor::optional("agentId", &TicketInfo::agentId),
                          cbor::optional("agentName", &TicketInfo::agentName, 200),
                          cbor::required("createdAt", &TicketInfo::createdAt),
                          cbor::required("updatedAt", &TicketInfo::updatedAt),
                          cbor::optional("firstResponseAt", &TicketInfo::firstResponseAt),
                          cbor::optional("resolvedAt", &TicketInfo::resolvedAt),
                          cbor::optional("closedAt", &TicketInfo::closedAt),
                          cbor::optional("resolution", &TicketInfo::resolution, 20000),
                          cbor::required("version", &TicketInfo::version),
                          cbor::optional("deleted", &TicketInfo::deleted),
                          cbor::optional("rating", &TicketInfo::rating),
                          // Read limit above today's 2,000-character rule, so raising the rule
                          // later does not make older peers refuse the whole ticket.
                          cbor::optional("ratingComment", &TicketInfo::ratingComment, 20000),
                          cbor::optional("ratedAt", &TicketInfo::ratedAt)};
    }
    QCborMap toCbor() const { return cbor::toMap(*this); }
    static Result<TicketInfo> fromCbor(const QCborMap& map) { return cbor::fromMap<TicketInfo>(map); }
    friend bool operator==(const TicketInfo&, const TicketInfo&) = default;
};

} // namespace ccr::common
