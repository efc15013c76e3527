#pragma once

#include "SearchHitCounts.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ccr::server {

/**
 * Ranks the candidate texts of one search, in C++, instead of FTS5's bm25(): bm25() counts
 * every row of each term's posting list to weigh rare terms higher, which costs more the
 * bigger the desk is. Every candidate already contains every term (the match is an AND), so
 * here each term weighs the same and a text scores by BM25's saturating term frequency with
 * length normalisation over the candidates; a subject hit counts ten times a body hit
 * (SearchHitCounts counts them inside FTS5, so no text is read). A ticket ranks by its best
 * text; ties go to the newer ticket.
 */
class SearchRanking final
{
public:
    /** How many body hits one subject hit is worth. */
    static constexpr double kSubjectWeight = 10.0;

    /** A text's hits as SearchHitCounts (ccr_hits) counted them, one count per query phrase. */
    void add(qint64 ticketId, SearchHitCounts::Hits hits);
    /** A text another ranker (FTS5's bm25()) already scored; higher is better. */
    void addScored(qint64 ticketId, double score);
    /** Ticket ids, best match first. */
    QList<qint64> ranked() const;

    /** Lower-case words without diacritics, split like the index's unicode61 tokenizer. */
    static QStringList tokens(const QString& text);

private:
    struct Text
    {
        qint64 ticketId;
        QList<double> weightedCounts; // per query term: 10 × subject hits + body hits
        double weightedLength;
        std::optional<double> score;
    };

    QList<Text> m_texts;
};

} // namespace ccr::server
