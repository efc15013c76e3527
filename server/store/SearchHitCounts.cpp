#include "SearchHitCounts.h"

#include <QSqlDriver>
#include <QVarLengthArray>
#include <QVariant>

#include <sqlite3.h>

#include <cstring>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

constexpr int kSubjectColumn = 0;
constexpr int kBodyColumn = 1;

void countHits(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int argc, sqlite3_value** argv)
{
    const double subjectWeight = argc > 0 ? sqlite3_value_double(argv[0]) : 1.0;
    const int phrases = api->xPhraseCount(fts);
    QVarLengthArray<double, 8> values(1 + phrases, 0.0);

    int subjectTokens = 0;
    int bodyTokens = 0;
    if (api->xColumnSize(fts, kSubjectColumn, &subjectTokens) != SQLITE_OK ||
        api->xColumnSize(fts, kBodyColumn, &bodyTokens) != SQLITE_OK) {
        sqlite3_result_error(result, "ccr_hits: column sizes unavailable", -1);
        return;
    }
    values[0] = subjectWeight * subjectTokens + bodyTokens;

    for (int phrase = 0; phrase < phrases; ++phrase) {
        Fts5PhraseIter hit;
        int column = 0;
        int offset = 0;
        if (api->xPhraseFirst(fts, phrase, &hit, &column, &offset) != SQLITE_OK) {
            sqlite3_result_error(result, "ccr_hits: phrase positions unavailable", -1);
            return;
        }
        for (; column >= 0; api->xPhraseNext(fts, &hit, &column, &offset))
            values[1 + phrase] += column == kSubjectColumn ? subjectWeight : 1.0;
    }
    sqlite3_result_blob(result, values.constData(), static_cast<int>(values.size() * sizeof(double)), SQLITE_TRANSIENT);
}

Error unavailable(const QString& why)
{
    return Error(ErrorCode::Unavailable, QStringLiteral("Search ranking cannot be set up: %1").arg(why));
}

} // namespace

common::Result<void> SearchHitCounts::install(QSqlDatabase& db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return unavailable(QStringLiteral("the connection is not a SQLite one."));
    sqlite3* connection = *static_cast<sqlite3* const*>(handle.constData());

    // FTS5 hands out its API only through an SQL function taking a typed pointer.
    fts5_api* fts5 = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(connection, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void*>(&fts5), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    if (!fts5 || fts5->iVersion < 2)
        return unavailable(QStringLiteral("this SQLite has no FTS5."));
    if (fts5->xCreateFunction(fts5, kFunction, nullptr, &countHits, nullptr) != SQLITE_OK)
        return unavailable(QString::fromUtf8(sqlite3_errmsg(connection)));
    return {};
}

SearchHitCounts::Hits SearchHitCounts::decode(const QByteArray& blob)
{
    Hits hits;
    const qsizetype values = blob.size() / qsizetype{sizeof(double)};
    if (values < 1 || blob.size() % qsizetype{sizeof(double)} != 0)
        return hits;
    const char* data = blob.constData();
    std::memcpy(&hits.weightedLength, data, sizeof(double));
    hits.weightedCounts.resize(values - 1);
    if (values > 1)
        std::memcpy(hits.weightedCounts.data(), data + sizeof(double), (values - 1) * sizeof(double));
    return hits;
}

} // namespace ccr::server
