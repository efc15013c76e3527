#pragma once

#include "common/Result.h"
#include "common/tickets/AttachmentInfo.h"

#include <QList>
#include <optional>

namespace ccr::server {

class Database;

/** The attachments table: file metadata; the bytes live under the data directory by hash. */
class AttachmentStore final
{
public:
    explicit AttachmentStore(Database& database) : m_database(database) {}

    /** Records an uploaded file not yet linked to a ticket. */
    common::Result<qint64> insertPending(const common::AttachmentInfo& attachment, qint64 uploadedBy);
    std::optional<common::AttachmentInfo> find(qint64 id) const;
    std::optional<qint64> uploaderOf(qint64 id) const;
    /**
     * Links pending uploads of the user to a ticket (and message); NotFound if any id is not
     * such an upload, so nobody can take over someone else's file.
     */
    common::Result<void> link(const QList<qint64>& ids, qint64 uploadedBy, qint64 ticketId, qint64 messageId);
    /** The ticket's files; those on internal notes only if asked for. */
    common::Result<QList<common::AttachmentInfo>> listForTicket(qint64 ticketId, bool includeInternal) const;
    /** Whether the file was attached to an internal note. */
    bool isOnInternalNote(qint64 id) const;

private:
    Database& m_database;
};

} // namespace ccr::server
