#include "Database.h"

#include "FtsTokenizer.h"
#include "GroupCommit.h"
#include "LogRestart.h"
#include "Migrations.h"
#include "SearchFile.h"
#include "SearchHitCounts.h"
#include "StatementCache.h"
#include "StoreLog.h"
#include "TextSizeCache.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

QAtomicInteger<quint64> connectionCounter;

bool exec(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        qCWarning(lcStore) << "statement failed:" << sql << query.lastError().text();
        return false;
    }
    return true;
}

QString synchronousLevel(Durability durability)
{
    return durability == Durability::Full ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
}

} // namespace

Database::Database()
    : m_connectionName(QStringLiteral("ccr-%1").arg(connectionCounter.fetchAndAddRelaxed(1))),
      m_statements(std::make_unique<StatementCache>(m_db)), m_textSizes(std::make_unique<TextSizeCache>())
{}

Database::~Database()
{
    close();
}

common::Result<void> Database::open(const QString& filePath, Durability durability)
{
    m_filePath = filePath;
    const QFileInfo dirInfo(QFileInfo(filePath).absolutePath());
    if (!dirInfo.isDir() || !dirInfo.isWritable())
        return Error(
            ErrorCode::Unavailable,
            QStringLiteral("The data directory %1 does not exist or is not writable.").arg(dirInfo.filePath()));

    if (auto connected = connect(filePath, QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_URI")); !connected)
        return connected;
    if (auto configured = configureWrites(filePath, durability); !configured)
        return configured;
    // Temporary tables (SQLite builds one for a CHECK (x IN (...)) on every row written) stay
    // in memory instead of a file opened and written per row.
    if (!exec(m_db, QStringLiteral("PRAGMA foreign_keys=ON")) ||
        !exec(m_db, QStringLiteral("PRAGMA temp_store=MEMORY")))
        return Error(ErrorCode::Unavailable, QStringLiteral("Cannot configure the database %1.").arg(filePath));

    if (auto migrated = Migrations::apply(m_db); !migrated)
        return migrated;
    const QString searchPath = SearchFile::pathFor(filePath);
    if (auto prepared = SearchFile::prepare(searchPath); !prepared)
        return prepared;
    return SearchFile::attachReadOnly(m_db, searchPath, QLatin1String(SearchFile::kSchema));
}

common::Result<void> Database::openReadOnly(const QString& filePath)
{
    m_filePath = filePath;
    if (auto connected =
            connect(filePath, QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_URI"));
        !connected)
        return connected;
    if (auto attached =
            SearchFile::attachReadOnly(m_db, SearchFile::pathFor(filePath), QLatin1String(SearchFile::kSchema));
        !attached)
        return attached;
    // No memory-mapped reads (mmap_size stays 0): each connection maps a file on its own, and
    // every reader's mapping counted again in the server's resident memory (155 MB instead of
    // 144 MB with 1,001 clients signed in, over the 150 MB target), for searches at 1,000,000
    // tickets that were 13 instead of 17 ms at the 95th percentile (docs/benchmarks.md).
    return {};
}

common::Result<void> Database::openSearchIndex(const QString& mainPath, Durability durability)
{
    const QString searchPath = SearchFile::pathFor(mainPath);
    m_filePath = searchPath;
    if (auto connected = connect(searchPath, QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_URI")); !connected)
        return connected;
    if (auto configured = configureWrites(searchPath, durability); !configured)
        return configured;
    if (auto created = SearchFile::createTables(m_db); !created)
        return created;
    return SearchFile::attachReadOnly(m_db, mainPath, QLatin1String(SearchFile::kDeskSchema));
}

common::Result<void> Database::configureWrites(const QString& filePath, Durability durability)
{
    QSqlQuery walQuery(m_db);
    if (!walQuery.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !walQuery.next() ||
        walQuery.value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        return Error(
            ErrorCode::Unavailable,
            QStringLiteral("Cannot switch %1 to write-ahead logging; is the disk full or read-only?").arg(filePath));
    walQuery.finish();
    // In WAL mode NORMAL loses no committed transaction on a process crash, only on power loss.
    if (!exec(m_db, QStringLiteral("PRAGMA synchronous=") + synchronousLevel(durability)))
        return Error(ErrorCode::Unavailable, QStringLiteral("Cannot configure the database %1.").arg(filePath));
    return {};
}

common::Result<void> Database::connect(const QString& filePath, const QString& options)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return Error(ErrorCode::Unavailable, QStringLiteral("The Qt SQLite driver (QSQLITE) is not installed."));
    m_db.setDatabaseName(filePath);
    m_db.setConnectOptions(options);
    if (!m_db.open())
        return Error(ErrorCode::Unavailable,
                     QStringLiteral("Cannot open the database %1: %2").arg(filePath, m_db.lastError().text()));
    return SearchHitCounts::install(m_db, m_textSizes.get());
}

bool Database::stopAutomaticCheckpoints()
{
    // After a burst the log file is cut back to 64 MiB when the writer starts it over.
    if (!exec(m_db, QStringLiteral("PRAGMA wal_autocheckpoint=0")) ||
        !exec(m_db, QStringLiteral("PRAGMA journal_size_limit=67108864")))
        return false;
    m_logRestart = std::make_unique<LogRestart>();
    m_logRestart->install(m_db);
    return true;
}

void Database::enableGroupCommit()
{
    if (!m_groupCommit)
        m_groupCommit = std::make_unique<GroupCommit>(m_db);
}

const FtsTokenizer* Database::tokenizer()
{
    if (!m_tokenizer && m_db.isOpen())
        m_tokenizer = FtsTokenizer::open(m_db);
    return m_tokenizer.get();
}

void Database::close()
{
    m_tokenizer.reset();
    // Whatever joined the shared transaction is committed before the connection goes.
    m_groupCommit.reset();
    // Prepared statements belong to the connection: they go before it does.
    m_statements->clear();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_textSizes->clear(); // the next connection may open another file
    // Its hook runs on every commit until the connection is gone.
    m_logRestart.reset();
}

int Database::schemaVersion() const
{
    return Migrations::currentVersion(m_db);
}

} // namespace ccr::server
