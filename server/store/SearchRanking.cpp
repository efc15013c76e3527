#include "SearchRanking.h"

#include <algorithm>

namespace ccr::server {

namespace {

constexpr double kSubjectWeight = 10.0;
// BM25's usual constants: how fast repeats stop adding, and how much length counts.
constexpr double kSaturation = 1.2;
constexpr double kLengthWeight = 0.75;

} // namespace

QStringList SearchRanking::tokens(const QString& text)
{
    // Hot: every candidate text passes here. ASCII needs only lower-casing; anything else is
    // decomposed and its marks dropped, so "Réfund" and "refund" are one word, as in the index.
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    const QString folded = ascii ? text : text.normalized(QString::NormalizationForm_KD).toCaseFolded();
    QStringList words;
    QString word;
    for (const QChar c : folded) {
        if (c.unicode() < 0x80) {
            const char latin = static_cast<char>(c.unicode());
            if ((latin >= 'a' && latin <= 'z') || (latin >= '0' && latin <= '9') || latin == '_') {
                word.append(c);
                continue;
            }
            if (latin >= 'A' && latin <= 'Z') {
                word.append(QChar(latin - 'A' + 'a'));
                continue;
            }
        } else if (c.category() == QChar::Mark_NonSpacing) {
            continue;
        } else if (c.isLetterOrNumber()) {
            word.append(c);
            continue;
        }
        if (!word.isEmpty())
            words.append(std::exchange(word, QString()));
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

SearchRanking::SearchRanking(const QString& words) : m_terms(tokens(words)) {}

QList<double> SearchRanking::countTerms(const QStringList& words, double weight) const
{
    QList<double> counts(m_terms.size(), 0.0);
    for (const auto& word : words) {
        for (qsizetype term = 0; term < m_terms.size(); ++term) {
            const bool last = term == m_terms.size() - 1;
            if (word == m_terms.at(term) || (last && word.startsWith(m_terms.at(term))))
                counts[term] += weight;
        }
    }
    return counts;
}

void SearchRanking::add(qint64 ticketId, const QString& subject, const QString& body)
{
    const QStringList subjectWords = tokens(subject);
    const QStringList bodyWords = tokens(body);
    QList<double> counts = countTerms(subjectWords, kSubjectWeight);
    const QList<double> bodyCounts = countTerms(bodyWords, 1.0);
    for (qsizetype term = 0; term < counts.size(); ++term)
        counts[term] += bodyCounts.at(term);
    m_texts.append({ticketId, counts,
                    kSubjectWeight * static_cast<double>(subjectWords.size()) +
                        static_cast<double>(bodyWords.size())});
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
        double score = 0;
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
