#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace ccr::server {

class Database;
class FtsTokenizer;

/**
 * agent_search in the search file (SearchFile): every text staff may search once more, each
 * word prefixed by its ticket's queue key — "a<agent id>z" when assigned, "uz" unassigned,
 * "dz" deleted (no agent's queue) — so that an agent's search reads only the posting lists of
 * their own and the unassigned tickets, not the whole desk's, and needs no check of each
 * candidate's ticket. agent_keys keeps the key each ticket's texts carry, so that when the
 * ticket is assigned, deleted or restored its texts move to the new key (rekey()).
 *
 * Writes on the indexer's connection (SearchIndexWriter); the words are the index's own
 * tokens (FtsTokenizer), so a prefixed word is one token again when FTS5 splits it.
 */
class AgentSearchTable final
{
public:
    AgentSearchTable(Database& index, const FtsTokenizer* tokenizer);

    /** The key of a ticket's texts: its agent's ("a7z", agentId 0 for none: "uz"), or "dz" when deleted. */
    static QString keyFor(qint64 agentId, bool deleted);
    /** The key of an agent's own tickets' texts. */
    static QString agentKey(qint64 agentId);
    static QString unassignedKey();
    /**
     * A text's row id in agent_search: its row id elsewhere (SearchIndex::textRowId) negated,
     * so that the newest texts come first in ascending order, the direction FTS5 reads its
     * posting lists in (read backwards, each page is parsed forwards first).
     */
    static qint64 agentRowId(qint64 textRowId);

    /**
     * Adds a text of the ticket under the key its other texts carry, or under deskKey (the
     * ticket's key in the main database when the text was read) for its first text.
     */
    common::Result<void> add(qint64 rowId, qint64 ticketId, const QString& deskKey,
                             const QList<QByteArray>& subjectWords, const QList<QByteArray>& bodyWords);
    /** Moves every text of the ticket in the index to deskKey if they carry another key. */
    common::Result<void> rekey(qint64 ticketId, const QString& deskKey);
    /**
     * Writes what add() and rekey() gathered, in row id order; called before the transaction
     * commits (agent_keys is written at once, agent_search only here).
     */
    common::Result<void> flush();
    /** Forgets what was gathered: the transaction was rolled back. */
    void discard();

private:
    /** The key the ticket's texts carry; empty when none of them is indexed yet. */
    common::Result<QString> storedKey(qint64 ticketId);
    /** A text to write: removed under oldKey (empty: not in the table yet), added under newKey. */
    struct PendingText
    {
        QString oldKey;
        QString newKey;
        QByteArray subjectWords; // tokens joined by spaces
        QByteArray bodyWords;
    };
    common::Result<void> write(bool remove, qint64 agentRowId, const QString& key, const PendingText& text);

    Database& m_index;
    const FtsTokenizer* m_tokenizer;
    QMap<qint64, PendingText> m_pending; // by agent_search row id
    qsizetype m_pendingBytes = 0;
    /** Written early beyond this: a round moving many long threads must not hold them all. */
    static constexpr qsizetype kMaxPendingBytes = 16 * 1024 * 1024;
    common::Result<void> hold(qint64 agentRowId, PendingText text);
};

} // namespace ccr::server
