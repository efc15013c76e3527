#include "common/Protocol.h"
#include "services/PermissionTable.h"

#include <QTest>

using namespace ccr::server;
using ccr::common::ErrorCode;
using ccr::common::Role;
namespace Method = ccr::common::Protocol::Method;

class TestPermissionTable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matrix_data()
    {
        // Expected outcome per caller: anonymous, customer, agent, admin. 0 = allowed, else the error code.
        QTest::addColumn<QString>("method");
        QTest::addColumn<QList<int>>("expected");
        const int ok = 0;
        const int anon = int(ErrorCode::NotAuthenticated);
        const int denied = int(ErrorCode::PermissionDenied);
        const int signedIn = int(ErrorCode::Conflict);
        QTest::newRow("hello") << QString(Method::Hello) << QList<int>{ok, ok, ok, ok};
        QTest::newRow("register") << QString(Method::Register) << QList<int>{ok, signedIn, signedIn, signedIn};
        QTest::newRow("signIn") << QString(Method::SignIn) << QList<int>{ok, signedIn, signedIn, signedIn};
        QTest::newRow("resume") << QString(Method::Resume) << QList<int>{ok, signedIn, signedIn, signedIn};
        QTest::newRow("signOut") << QString(Method::SignOut) << QList<int>{anon, ok, ok, ok};
        QTest::newRow("me") << QString(Method::Me) << QList<int>{anon, ok, ok, ok};
        for (const auto& method : {Method::CreateAgent, Method::ListUsers, Method::ListAdminRequests,
                                   Method::DecideAdminRequest, Method::SetUserState, Method::Assign,
                                   Method::DeleteTicket, Method::RestoreTicket, Method::AgentLoad,
                                   Method::CreateCategory, Method::RenameCategory, Method::SetCategoryActive})
            QTest::newRow(method.data()) << QString(method) << QList<int>{anon, denied, denied, ok};
        // Per-ticket rules (own, assigned) are the services' part: see TestTicketPermissions.
        for (const auto& method : {Method::GetTicket, Method::ListTickets, Method::SearchTickets, Method::Reply,
                                   Method::SetStatus, Method::TicketHistory, Method::TicketCounts,
                                   Method::ListCategories, Method::BeginUpload, Method::UploadChunk,
                                   Method::FinishUpload, Method::Download})
            QTest::newRow(method.data()) << QString(method) << QList<int>{anon, ok, ok, ok};
        QTest::newRow("tickets.create") << QString(Method::CreateTicket) << QList<int>{anon, ok, denied, ok};
        QTest::newRow("tickets.resolve") << QString(Method::Resolve) << QList<int>{anon, denied, ok, ok};
        QTest::newRow("tickets.rate") << QString(Method::RateTicket) << QList<int>{anon, ok, denied, denied};
    }
    void matrix()
    {
        QFETCH(QString, method);
        QFETCH(QList<int>, expected);
        const QList<std::optional<Role>> callers{std::nullopt, Role::Customer, Role::Agent, Role::Admin};
        for (qsizetype i = 0; i < callers.size(); ++i) {
            const auto result = PermissionTable::authorize(method, callers.at(i));
            const int actual = result.ok() ? 0 : int(result.error().code);
            QCOMPARE(actual, expected.at(i));
        }
    }

    void unknownMethodsAreRefused()
    {
        QVERIFY(!PermissionTable::knows(QStringLiteral("admin.dropDatabase")));
        QCOMPARE(PermissionTable::authorize(QStringLiteral("admin.dropDatabase"), Role::Admin).error().code,
                 ErrorCode::UnknownMethod);
    }
};

QTEST_GUILESS_MAIN(TestPermissionTable)
#include "TestPermissionTable.moc"
