// Writes the checked-in seed corpus for the fuzz targets from real protocol messages:
//   write_fuzz_seeds tests/fuzz/corpus
// Run it again when messages change; the fuzzers then start from valid shapes.
#include "common/Envelope.h"
#include "common/Framing.h"
#include "common/Protocol.h"
#include "common/messages/HelloParams.h"
#include "common/messages/RegisterParams.h"
#include "common/messages/SignInParams.h"
#include "common/tickets/CreateTicketParams.h"
#include "common/tickets/ListTicketsParams.h"
#include "common/tickets/RateTicketParams.h"
#include "common/tickets/ReplyParams.h"
#include "common/tickets/UploadChunkParams.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>

namespace {

void write(const QString& dir, const QString& name, const QByteArray& bytes)
{
    QDir().mkpath(dir);
    QFile file(QDir(dir).filePath(name));
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    using namespace ccr::common;
    namespace Method = Protocol::Method;
    const QString root = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("corpus");
    const QList<std::pair<QString, QCborMap>> params{
        {QStringLiteral("hello"), HelloParams{1, 2, QStringLiteral("ccr-desk/0.1")}.toCbor()},
        {QStringLiteral("register"), RegisterParams{QStringLiteral("a@b.example"), QStringLiteral("Ana"),
                                                    QStringLiteral("long password"), QStringLiteral("long password"),
                                                    true, QStringLiteral("ta")}
                                         .toCbor()},
        {QStringLiteral("signin"), SignInParams{QStringLiteral("a@b.example"), QStringLiteral("pw"),
                                                QStringLiteral("123456"), {}}
                                       .toCbor()},
        {QStringLiteral("create"), CreateTicketParams{QStringLiteral("Subject"), QStringLiteral("Description"), 2,
                                                      TicketPriority::High, 0, {1, 2}}
                                       .toCbor()},
        {QStringLiteral("list"), [] {
             ListTicketsParams list;
             list.statuses = {TicketStatus::New};
             list.createdFrom = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000);
             return list.toCbor();
         }()},
        {QStringLiteral("reply"), ReplyParams{5, QStringLiteral("Body"), true, {3}, 2}.toCbor()},
        {QStringLiteral("chunk"), UploadChunkParams{1, 0, QByteArray("abc")}.toCbor()},
        {QStringLiteral("rate"), RateTicketParams{5, 4, QStringLiteral("Quick fix, thanks")}.toCbor()},
    };
    const QHash<QString, QString> methods{
        {QStringLiteral("hello"), Method::Hello},        {QStringLiteral("register"), Method::Register},
        {QStringLiteral("signin"), Method::SignIn},      {QStringLiteral("create"), Method::CreateTicket},
        {QStringLiteral("list"), Method::ListTickets},   {QStringLiteral("reply"), Method::Reply},
        {QStringLiteral("chunk"), Method::UploadChunk}, {QStringLiteral("rate"), Method::RateTicket},
    };
    for (const auto& [name, map] : params) {
        write(root + QStringLiteral("/params"), name, QCborValue(map).toCbor());
        const RequestEnvelope request{7, methods.value(name), map};
        write(root + QStringLiteral("/frames"), name, Framing::encode(request.toCbor()));
    }
    return 0;
}
