#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>

struct fts5_api;
struct Fts5Tokenizer;
struct fts5_tokenizer;

namespace ccr::server {

/**
 * The search tables' own tokenizer (FTS5's unicode61, diacritics removed), taken from a
 * connection through SQLite's C API: words split and folded exactly as the index does it,
 * for the search file's vocabulary (search_words) and for looking a typed prefix up in it.
 */
class FtsTokenizer final
{
public:
    /** FTS5's API on db's connection; nullptr if the connection is not SQLite's or has no FTS5. */
    static fts5_api* api(QSqlDatabase& db);
    /** The tokenizer on db's connection; nullptr (and a warning logged) if it cannot be made. */
    static std::unique_ptr<FtsTokenizer> open(QSqlDatabase& db);

    ~FtsTokenizer();
    FtsTokenizer(const FtsTokenizer&) = delete;
    FtsTokenizer& operator=(const FtsTokenizer&) = delete;

    /** text's words in order, repeats included, UTF-8 as stored in the index. */
    QList<QByteArray> words(const QString& text) const;

private:
    FtsTokenizer(Fts5Tokenizer* tokenizer, std::unique_ptr<fts5_tokenizer> methods);

    Fts5Tokenizer* m_tokenizer;
    std::unique_ptr<fts5_tokenizer> m_methods;
};

} // namespace ccr::server
