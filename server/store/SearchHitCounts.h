#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>

namespace ccr::server {

class TextSizeCache;

/**
 * An FTS5 auxiliary function, ccr_hits(table, subject weight), that tells a ranker how
 * well a matching text fits without the text being read: from the positions FTS5 has
 * already found and the column sizes it keeps. FTS5's own bm25() would do the same but
 * first counts, over the whole index, how many texts hold each word: at a million texts
 * that count cost more than the search it ranks.
 *
 * It returns a blob of doubles: the text's weighted length (weight × subject tokens + body
 * tokens), then per phrase of the query its weighted hits (weight × subject hits + body hits).
 * With a third argument n, the phrases from the n-th on (the words a typed prefix stands
 * for, StaffQuery) count as one: ccr_hits(table, weight, n). With a fourth argument m, the
 * query's phrases repeat every m (alternatives of the same words under different keys,
 * AgentSearchTable) and phrase p counts as phrase p mod m: ccr_hits(table, weight, n, m).
 */
class SearchHitCounts final
{
public:
    static constexpr auto kFunction = "ccr_hits";

    /**
     * Registers ccr_hits on db's connection; an `unavailable` error if FTS5 is not there. With
     * sizes (which must outlive the connection), a call with a fifth argument t > 0 keeps the
     * texts' column sizes there as table t's: ccr_hits(table, weight, n, m, t), for tables
     * whose row ids never change their text.
     */
    static common::Result<void> install(QSqlDatabase& db, TextSizeCache* sizes = nullptr);

    struct Hits
    {
        double weightedLength = 0;
        QList<double> weightedCounts;
    };
    /** What ccr_hits returned; empty counts for a blob it did not make. */
    static Hits decode(const QByteArray& blob);
};

} // namespace ccr::server
