#include "FtsTokenizer.h"

#include "SqliteHandle.h"
#include "StoreLog.h"

#include <sqlite3.h>

namespace ccr::server {

fts5_api* FtsTokenizer::api(QSqlDatabase& db)
{
    sqlite3* connection = sqliteHandle(db);
    if (!connection)
        return nullptr;
    // FTS5 hands out its API only through an SQL function taking a typed pointer.
    fts5_api* fts5 = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(connection, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void*>(&fts5), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    return fts5 && fts5->iVersion >= 2 ? fts5 : nullptr;
}

std::unique_ptr<FtsTokenizer> FtsTokenizer::open(QSqlDatabase& db)
{
    fts5_api* fts5 = api(db);
    auto methods = std::make_unique<fts5_tokenizer>();
    void* context = nullptr;
    Fts5Tokenizer* tokenizer = nullptr;
    // The same arguments as the search tables' "tokenize = 'unicode61 remove_diacritics 2'".
    const char* arguments[] = {"remove_diacritics", "2"};
    if (!fts5 || fts5->xFindTokenizer(fts5, "unicode61", &context, methods.get()) != SQLITE_OK ||
        methods->xCreate(context, arguments, 2, &tokenizer) != SQLITE_OK) {
        qCWarning(lcStore) << "FTS5's unicode61 tokenizer is not available";
        return nullptr;
    }
    return std::unique_ptr<FtsTokenizer>(new FtsTokenizer(tokenizer, std::move(methods)));
}

FtsTokenizer::FtsTokenizer(Fts5Tokenizer* tokenizer, std::unique_ptr<fts5_tokenizer> methods)
    : m_tokenizer(tokenizer), m_methods(std::move(methods))
{}

FtsTokenizer::~FtsTokenizer()
{
    m_methods->xDelete(m_tokenizer);
}

QList<QByteArray> FtsTokenizer::words(const QString& text) const
{
    QList<QByteArray> found;
    const QByteArray utf8 = text.toUtf8();
    auto collect = [](void* context, int, const char* token, int length, int, int) -> int {
        static_cast<QList<QByteArray>*>(context)->append(QByteArray(token, length));
        return SQLITE_OK;
    };
    m_methods->xTokenize(m_tokenizer, &found, FTS5_TOKENIZE_DOCUMENT, utf8.constData(), static_cast<int>(utf8.size()),
                         collect);
    return found;
}

} // namespace ccr::server
