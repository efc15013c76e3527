#include "StaffQuery.h"

#include "Database.h"
#include "FtsTokenizer.h"
#include "SqlStatement.h"

#include <QRegularExpression>
#include <QStringList>

#include <limits>

namespace ccr::server {

namespace {

/** The words typed, split at anything that is not a letter, digit or '_'. */
QStringList typedWords(const QString& words)
{
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    return words.split(separators, Qt::SkipEmptyParts);
}

} // namespace

StaffQuery StaffQuery::fromTyped(Database& database, const QString& typed, int maxExpansion)
{
    StaffQuery query;
    query.m_expandedFrom = std::numeric_limits<int>::max();
    const QStringList words = typedWords(typed);
    const FtsTokenizer* tokenizer = database.tokenizer();
    if (!tokenizer) {
        query.m_asTyped = asTyped(typed);
        query.m_phrases = static_cast<int>(words.size());
        return query;
    }
    query.m_folded = true;
    for (const auto& word : words) {
        // A word of no letters ("_") is no phrase: FTS5 would match nothing for it.
        QList<QByteArray> tokens = tokenizer->words(word);
        // An empty token keyed would be the bare key: every word of that queue as a prefix.
        tokens.removeIf([](const QByteArray& token) { return token.isEmpty(); });
        if (!tokens.isEmpty())
            query.m_words.append(tokens);
    }
    query.m_phrases = static_cast<int>(query.m_words.size());
    // "a_b" is a phrase of two words: FTS5's prefix search handles it.
    if (query.m_words.isEmpty() || query.m_words.constLast().size() != 1)
        return query;
    const QByteArray prefix = query.m_words.constLast().constFirst();
    SqlStatement lookup(database);
    // Every word that begins with the prefix sorts from it up to it followed by the last code point.
    if (!lookup.exec(QStringLiteral("SELECT word FROM search_words WHERE word >= ? AND word < ? ORDER BY word LIMIT ?"),
                     {QString::fromUtf8(prefix), QString(QString::fromUtf8(prefix) + QStringLiteral("\U0010FFFF")),
                      maxExpansion + 1}))
        return query;
    QList<QByteArray> expansions;
    while (lookup.next())
        expansions.append(lookup.value(0).toString().toUtf8());
    if (expansions.isEmpty() || expansions.size() > maxExpansion)
        return query;
    query.m_words.removeLast();
    query.m_expansions = expansions;
    query.m_expandedFrom = static_cast<int>(query.m_words.size());
    query.m_phrases = query.m_expandedFrom + static_cast<int>(expansions.size());
    return query;
}

QString StaffQuery::asTyped(const QString& typed)
{
    // typedWords() leaves no quote or operator: FTS5 takes each word as text.
    return quotedTerms(typedWords(typed));
}

QString StaffQuery::quotedTerms(const QStringList& words, const QString& key)
{
    QStringList terms;
    for (const auto& word : words)
        terms.append(QLatin1Char('"') + key + word + QLatin1Char('"'));
    if (!terms.isEmpty())
        terms.last().append(QLatin1Char('*'));
    return terms.join(QLatin1Char(' '));
}

QString StaffQuery::phrase(const QList<QByteArray>& tokens, const QString& key) const
{
    QStringList keyed;
    for (const QByteArray& token : tokens) {
        // Tokens hold no quote (the tokenizer splits at it); doubled anyway, as FTS5 escapes one.
        QString word = key + QString::fromUtf8(token);
        word.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        keyed.append(word);
    }
    return QLatin1Char('"') + keyed.join(QLatin1Char(' ')) + QLatin1Char('"');
}

QString StaffQuery::expression(const QString& key) const
{
    if (!m_folded)
        return m_asTyped;
    if (isEmpty())
        return {};
    QStringList terms;
    for (const auto& tokens : m_words)
        terms.append(phrase(tokens, key));
    if (m_expansions.isEmpty()) {
        terms.last().append(QLatin1Char('*'));
        return terms.join(QLatin1Char(' '));
    }
    QStringList alternatives;
    for (const QByteArray& word : m_expansions)
        alternatives.append(phrase({word}, key));
    terms.append(QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')'));
    return terms.join(QStringLiteral(" AND "));
}

} // namespace ccr::server
