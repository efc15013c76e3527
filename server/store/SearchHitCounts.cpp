#include "SearchHitCounts.h"

#include "FtsTokenizer.h"
#include "TextSizeCache.h"

#include <QVarLengthArray>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
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
    // A query of alternatives with the same phrases each (an agent's own tickets' words OR the
    // unassigned ones'): the phrases repeat every `stride`, and the same phrase counts as one.
    const int stride = argc > 2 ? std::clamp(sqlite3_value_int(argv[2]), 1, std::max(phrases, 1)) : phrases;
    // The phrases from mergeFrom on are one typed word's expansions (StaffQuery): one count.
    const int mergeFrom = argc > 1 ? std::clamp(sqlite3_value_int(argv[1]), 0, stride) : stride;
    const int counts = phrases == 0 ? 0 : (mergeFrom < stride ? mergeFrom + 1 : stride);
    QVarLengthArray<double, 8> values(1 + counts, 0.0);

    // With a fifth argument, the table's number in the connection's TextSizeCache.
    auto* cache = static_cast<TextSizeCache*>(api->xUserData(fts));
    const int cachedAs = argc > 3 && cache ? sqlite3_value_int(argv[3]) : 0;
    const sqlite3_int64 rowId = api->xRowid(fts);
    std::optional<TextSizeCache::Sizes> sizes = cachedAs > 0 ? cache->find(cachedAs, rowId) : std::nullopt;
    if (!sizes) {
        TextSizeCache::Sizes read;
        if (api->xColumnSize(fts, kSubjectColumn, &read.subject) != SQLITE_OK ||
            api->xColumnSize(fts, kBodyColumn, &read.body) != SQLITE_OK) {
            sqlite3_result_error(result, "ccr_hits: column sizes unavailable", -1);
            return;
        }
        if (cachedAs > 0)
            cache->remember(cachedAs, rowId, read);
        sizes = read;
    }
    values[0] = subjectWeight * sizes->subject + sizes->body;

    for (int phrase = 0; phrase < phrases; ++phrase) {
        Fts5PhraseIter hit;
        int column = 0;
        int offset = 0;
        if (api->xPhraseFirst(fts, phrase, &hit, &column, &offset) != SQLITE_OK) {
            sqlite3_result_error(result, "ccr_hits: phrase positions unavailable", -1);
            return;
        }
        for (; column >= 0; api->xPhraseNext(fts, &hit, &column, &offset))
            values[1 + std::min(phrase % stride, mergeFrom)] += column == kSubjectColumn ? subjectWeight : 1.0;
    }
    sqlite3_result_blob(result, values.constData(), static_cast<int>(values.size() * sizeof(double)), SQLITE_TRANSIENT);
}

Error unavailable(const QString& why)
{
    return Error(ErrorCode::Unavailable, QStringLiteral("Search ranking cannot be set up: %1").arg(why));
}

} // namespace

common::Result<void> SearchHitCounts::install(QSqlDatabase& db, TextSizeCache* sizes)
{
    fts5_api* fts5 = FtsTokenizer::api(db);
    if (!fts5)
        return unavailable(QStringLiteral("the connection has no FTS5 (SQLite's full-text search)."));
    if (fts5->xCreateFunction(fts5, kFunction, sizes, &countHits, nullptr) != SQLITE_OK)
        return unavailable(QStringLiteral("FTS5 refused the function %1.").arg(QLatin1String(kFunction)));
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
