#include "HelpDesk.h"
#include "client/DownloadJob.h"
#include "client/UploadJob.h"
#include "common/Protocol.h"
#include "common/tickets/AttachmentResult.h"
#include "common/tickets/BeginUploadParams.h"
#include "common/tickets/CreateTicketParams.h"
#include "common/tickets/DownloadParams.h"
#include "common/tickets/ReplyParams.h"
#include "common/tickets/TicketDetail.h"
#include "common/tickets/TicketRef.h"
#include "common/tickets/TicketResult.h"
#include "common/tickets/UploadChunkParams.h"
#include "common/tickets/UploadRef.h"
#include "common/tickets/UploadStarted.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace ccr;
using namespace ccr::tests;
using common::ErrorCode;
namespace Method = common::Protocol::Method;

namespace {

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (char& byte : bytes)
        byte = static_cast<char>(generator.bounded(256));
    return bytes;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write test file");
    return path;
}

common::Result<common::AttachmentInfo> upload(Actor& actor, const QString& path, int* progressSignals = nullptr)
{
    auto* job = new app::UploadJob(actor->api(), path);
    std::optional<common::Result<common::AttachmentInfo>> outcome;
    int progressCount = 0;
    QObject::connect(job, &app::UploadJob::progress, job, [&progressCount] { ++progressCount; });
    QObject::connect(job, &app::UploadJob::finished, job, [&outcome](const auto& result) { outcome = result; });
    job->start();
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20000))
        return common::Error(ErrorCode::Timeout);
    if (progressSignals)
        *progressSignals = progressCount;
    return *outcome;
}

common::Result<QString> download(Actor& actor, qint64 attachmentId, const QString& target)
{
    auto* job = new app::DownloadJob(actor->api(), attachmentId, target);
    std::optional<common::Result<QString>> outcome;
    QObject::connect(job, &app::DownloadJob::finished, job, [&outcome](const auto& result) { outcome = result; });
    job->start();
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20000))
        return common::Error(ErrorCode::Timeout);
    return *outcome;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int storedBlobs(const QString& dataDir)
{
    int count = 0;
    QDirIterator it(dataDir + QStringLiteral("/attachments"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

} // namespace

class TestAttachments final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HelpDesk> m_desk;
    QTemporaryDir m_files;

private Q_SLOTS:
    void init()
    {
        auto config = TestServer::defaultConfig();
        config.tickets.maxAttachmentBytes = 3 * 1024 * 1024;
        m_desk = std::make_unique<HelpDesk>(config);
        QVERIFY(m_desk->ready());
    }
    void cleanup() { m_desk.reset(); }

    void roundTripInChunks()
    {
        HelpDesk& desk = *m_desk;
        const QByteArray content = randomBytes(1500 * 1024);
        const QString path = writeFile(m_files, QStringLiteral("receipt scan.pdf"), content);
        int progressSignals = 0;
        const auto stored = upload(desk.customer, path, &progressSignals);
        QVERIFY2(stored.ok(), qPrintable(stored.error().message));
        QCOMPARE(progressSignals, 6); // 1.5 MB in 256 KiB chunks
        QCOMPARE(stored->size, content.size());
        QCOMPARE(stored->fileName, QStringLiteral("receipt scan.pdf"));
        QCOMPARE(stored->sha256, QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(stored->mimeType, QStringLiteral("application/pdf"));

        const common::CreateTicketParams params{QStringLiteral("Charged twice"), QStringLiteral("Receipt attached."), 3,
                                                common::TicketPriority::High, 0, {stored->id}};
        auto ticket = desk.customer->callFor<common::TicketResult>(Method::CreateTicket, params.toCbor());
        QVERIFY2(ticket.ok(), qPrintable(ticket.error().message));
        auto detail = desk.admin->callFor<common::TicketDetail>(Method::GetTicket,
                                                                common::TicketRef{ticket->ticket.id, {}}.toCbor());
        QCOMPARE(detail->attachments.size(), 1);
        QCOMPARE(detail->attachments.constFirst().id, stored->id);

        const auto saved = download(desk.admin, stored->id, m_files.filePath(QStringLiteral("copy.pdf")));
        QVERIFY2(saved.ok(), qPrintable(saved.error().message));
        QCOMPARE(readAll(saved.value()), content);
        // The same upload cannot be attached a second time.
        QCOMPARE(desk.customer->call(Method::CreateTicket, params.toCbor()).error().code, ErrorCode::NotFound);
    }

    void identicalContentIsStoredOnce()
    {
        HelpDesk& desk = *m_desk;
        const QByteArray content = randomBytes(10 * 1024);
        QVERIFY(upload(desk.customer, writeFile(m_files, QStringLiteral("a.bin"), content)).ok());
        QVERIFY(upload(desk.otherCustomer, writeFile(m_files, QStringLiteral("b.bin"), content)).ok());
        QCOMPARE(storedBlobs(desk.server().config().dataDir), 1);
    }

    void sizeLimitIsEnforced()
    {
        HelpDesk& desk = *m_desk;
        const auto tooBig = upload(desk.customer, writeFile(m_files, QStringLiteral("video.mp4"),
                                                            randomBytes(3 * 1024 * 1024 + 1)));
        QVERIFY(!tooBig.ok());
        QCOMPARE(tooBig.error().code, ErrorCode::TooLarge);
        QCOMPARE(tooBig.error().details.value(QLatin1String("maxBytes")).toInteger(), 3 * 1024 * 1024);

        // Lying about the size does not help: more bytes than announced are refused.
        auto started = desk.customer->callFor<common::UploadStarted>(
            Method::BeginUpload,
            common::BeginUploadParams{QStringLiteral("x"), 10, QString(64, QLatin1Char('0')), {}}.toCbor());
        QVERIFY(started.ok());
        QCOMPARE(desk.customer
                     ->call(Method::UploadChunk, common::UploadChunkParams{started->uploadId, 0, randomBytes(11)}.toCbor())
                     .error()
                     .code,
                 ErrorCode::TooLarge);
    }

    void damagedOrDisorderedUploadsAreRefused()
    {
        HelpDesk& desk = *m_desk;
        const QByteArray content = randomBytes(1000);
        const QString claimed = QString::fromLatin1(QCryptographicHash::hash("other", QCryptographicHash::Sha256).toHex());
        auto started = desk.customer->callFor<common::UploadStarted>(
            Method::BeginUpload, common::BeginUploadParams{QStringLiteral("x.txt"), 1000, claimed, {}}.toCbor());
        QVERIFY(started.ok());
        QCOMPARE(desk.customer
                     ->call(Method::UploadChunk, common::UploadChunkParams{started->uploadId, 500, content.left(500)}.toCbor())
                     .error()
                     .code,
                 ErrorCode::Conflict);
        QVERIFY(desk.customer
                    ->call(Method::UploadChunk, common::UploadChunkParams{started->uploadId, 0, content}.toCbor())
                    .ok());
        const auto finished = desk.customer->call(Method::FinishUpload, common::UploadRef{started->uploadId}.toCbor());
        QCOMPARE(finished.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(storedBlobs(desk.server().config().dataDir), 0);
        // Someone else's upload id is nobody's business.
        auto other = desk.customer->callFor<common::UploadStarted>(
            Method::BeginUpload, common::BeginUploadParams{QStringLiteral("y"), 1, claimed, {}}.toCbor());
        QCOMPARE(desk.otherCustomer
                     ->call(Method::UploadChunk, common::UploadChunkParams{other->uploadId, 0, QByteArray("a")}.toCbor())
                     .error()
                     .code,
                 ErrorCode::NotFound);
        QCOMPARE(desk.customer
                     ->call(Method::BeginUpload,
                            common::BeginUploadParams{QStringLiteral("../../etc/passwd"), 1, claimed, {}}.toCbor())
                     .error()
                     .code,
                 ErrorCode::ValidationFailed);
    }

    void filesFollowTheirMessagesVisibility()
    {
        HelpDesk& desk = *m_desk;
        const auto ticket = desk.assignedTicket(desk.customer, desk.agent, QStringLiteral("Invoice"));
        const auto noteFile = upload(desk.agent, writeFile(m_files, QStringLiteral("fraud-check.txt"), "internal only"));
        const auto replyFile = upload(desk.agent, writeFile(m_files, QStringLiteral("label.txt"), "return label"));
        QVERIFY(noteFile.ok() && replyFile.ok());
        QVERIFY(desk.agent->call(Method::Reply, common::ReplyParams{ticket.id, QStringLiteral("checked"), true,
                                                                    {noteFile->id}, 0}
                                                    .toCbor())
                    .ok());
        auto replied = desk.agent->call(Method::Reply, common::ReplyParams{ticket.id, QStringLiteral("Label attached"),
                                                                           false, {replyFile->id}, 0}
                                                           .toCbor());
        QVERIFY(replied.ok());

        const QString target = m_files.filePath(QStringLiteral("out.txt"));
        QCOMPARE(download(desk.customer, noteFile->id, target).error().code, ErrorCode::NotFound);
        QVERIFY(!QFile::exists(target));
        QVERIFY(download(desk.customer, replyFile->id, target).ok());
        QCOMPARE(readAll(target), QByteArray("return label"));
        QVERIFY(download(desk.admin, noteFile->id, target).ok());
        QCOMPARE(download(desk.otherCustomer, replyFile->id, target).error().code, ErrorCode::NotFound);
        QCOMPARE(download(desk.otherAgent, noteFile->id, target).error().code, ErrorCode::NotFound);

        // The customer's view lists the reply's file on its message and never the note's.
        auto detail = desk.customer->callFor<common::TicketDetail>(Method::GetTicket, common::TicketRef{ticket.id, {}}.toCbor());
        QVERIFY(!QString::fromUtf8(QCborValue(detail->toCbor()).toCbor()).contains(QStringLiteral("fraud-check")));
        bool found = false;
        for (const auto& message : detail->messages)
            found = found || (!message.attachments.isEmpty() && message.attachments.constFirst().id == replyFile->id);
        QVERIFY(found);
    }

    void othersUploadsCannotBeTaken()
    {
        HelpDesk& desk = *m_desk;
        const auto mine = upload(desk.customer, writeFile(m_files, QStringLiteral("mine.txt"), "mine"));
        QVERIFY(mine.ok());
        const common::CreateTicketParams params{QStringLiteral("Steal"), QStringLiteral("x"), 1,
                                                common::TicketPriority::Low, 0, {mine->id}};
        QCOMPARE(desk.otherCustomer->call(Method::CreateTicket, params.toCbor()).error().code, ErrorCode::NotFound);
        // Nothing half-made was left behind by the refused request.
        QCOMPARE(desk.admin->call(Method::ListTickets).value().value(QLatin1String("total")).toInteger(), 0);
        QCOMPARE(download(desk.otherCustomer, mine->id, m_files.filePath(QStringLiteral("x"))).error().code,
                 ErrorCode::NotFound);
        QVERIFY(download(desk.customer, mine->id, m_files.filePath(QStringLiteral("x"))).ok());
    }

    void otherRequestsAreServedDuringALargeUpload()
    {
        HelpDesk& desk = *m_desk;
        auto* job = new app::UploadJob(desk.customer->api(),
                                       writeFile(m_files, QStringLiteral("big.bin"), randomBytes(3 * 1024 * 1024)));
        std::optional<common::Result<common::AttachmentInfo>> outcome;
        int chunks = 0;
        QObject::connect(job, &app::UploadJob::progress, job, [&chunks] { ++chunks; });
        QObject::connect(job, &app::UploadJob::finished, job, [&outcome](const auto& result) { outcome = result; });
        job->start();
        QVERIFY(QTest::qWaitFor([&] { return chunks > 0; }, 10000));
        // A request sent mid-upload is answered while the upload still has chunks to go.
        QVERIFY(desk.customer->call(Method::TicketCounts).ok());
        QVERIFY(chunks < 12);
        QVERIFY(!outcome.has_value());
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 20000));
        QVERIFY(outcome->ok());
    }
};

QTEST_GUILESS_MAIN(TestAttachments)
#include "TestAttachments.moc"
