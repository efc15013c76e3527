#include "SearchRanking.h"

#include <QVarLengthArray>

#include <algorithm>

namespace ccr::server {

namespace {

// BM25's usual constants: how fast repeats stop adding, and how much length counts.
constexpr double kSaturation = 1.2;
constexpr double kLengthWeight = 0.75;

} // namespace

namespace {

/**
 * Calls visit(word) for each word of text, lower-cased and without diacritics, as the
 * index's unicode61 tokenizer splits it. Hot: every candidate text of a search passes here,
 * so a word is a view into one reused buffer, never a string of its own. ASCII needs only
 * lower-casing; anything else is decomposed and its marks dropped, so "Réfund" and
 * "refund" are one word, as in the index.
 */
template <typename Visit> void visitWords(const QString& text, Visit&& visit)
{
    bool ascii = true;
    for (const QChar c : text) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    const QString folded = ascii ? QString() : text.normalized(QString::NormalizationForm_KD).toCaseFolded();
    QVarLengthArray<char16_t, 64> word;
    for (const QChar c : ascii ? text : folded) {
        const char16_t unit = c.unicode();
        if (unit < 0x80) {
            if ((unit >= u'a' && unit <= u'z') || (unit >= u'0' && unit <= u'9') || unit == u'_') {
                word.append(unit);
                continue;
            }
            if (unit >= u'A' && unit <= u'Z') {
                word.append(static_cast<char16_t>(unit - u'A' + u'a'));
                continue;
            }
        } else if (c.category() == QChar::Mark_NonSpacing) {
            continue;
        } else if (c.isLetterOrNumber()) {
            word.append(unit);
            continue;
        }
        if (!word.isEmpty()) {
            visit(QStringView(word.data(), word.size()));
            word.clear();
        }
    }
    if (!word.isEmpty())
        visit(QStringView(word.data(), word.size()));
}

} // namespace

QStringList SearchRanking::tokens(const QString& text)
{
    QStringList words;
    visitWords(text, [&words](QStringView word) { words.append(word.toString()); });
    return words;
}

void SearchRanking::add(qint64 ticketId, SearchHitCounts::Hits hits)
{
    m_texts.append({ticketId, std::move(hits.weightedCounts), hits.weightedLength, std::nullopt});
}

void SearchRanking::addScored(qint64 ticketId, double score)
{
    m_texts.append({ticketId, {}, 0.0, score});
}

QList<qint64> SearchRanking::ranked() const
{
    double totalLength = 0;
    for (const auto& text : m_texts)
        totalLength += text.weightedLength;
    const double averageLength = m_texts.isEmpty() ? 1.0 : std::max(1.0, totalLength / m_texts.size());

    QHash<qint64, double> best;
    for (const auto& text : m_texts) {
        const double norm = kSaturation * (1.0 - kLengthWeight + kLengthWeight * text.weightedLength / averageLength);
        double score = text.score.value_or(0.0);
        for (const double count : text.weightedCounts)
            score += count * (kSaturation + 1.0) / (count + norm);
        auto found = best.find(text.ticketId);
        if (found == best.end())
            best.insert(text.ticketId, score);
        else
            *found = std::max(*found, score);
    }
    QList<std::pair<double, qint64>> order;
    order.reserve(best.size());
    for (auto it = best.cbegin(); it != best.cend(); ++it)
        order.append({it.value(), it.key()});
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second > b.second;
    });
    QList<qint64> ids;
    ids.reserve(order.size());
    for (const auto& entry : order)
        ids.append(entry.second);
    return ids;
}

} // namespace ccr::server
