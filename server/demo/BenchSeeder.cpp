#include "BenchSeeder.h"

#include "services/AccountService.h"
#include "store/BulkLoader.h"

#include <QRandomGenerator>
#include <QStringList>
#include <QTextStream>

namespace ccr::server {

namespace {

const QStringList kWords{
    QStringLiteral("order"),    QStringLiteral("refund"),   QStringLiteral("delivery"), QStringLiteral("late"),
    QStringLiteral("broken"),   QStringLiteral("parcel"),   QStringLiteral("payment"),  QStringLiteral("card"),
    QStringLiteral("charged"),  QStringLiteral("twice"),    QStringLiteral("missing"),  QStringLiteral("item"),
    QStringLiteral("exchange"), QStringLiteral("size"),     QStringLiteral("colour"),   QStringLiteral("stock"),
    QStringLiteral("invoice"),  QStringLiteral("address"),  QStringLiteral("courier"),  QStringLiteral("return"),
    QStringLiteral("label"),    QStringLiteral("warranty"), QStringLiteral("screen"),   QStringLiteral("battery"),
    QStringLiteral("charger"),  QStringLiteral("blender"),  QStringLiteral("kettle"),   QStringLiteral("phone"),
    QStringLiteral("laptop"),   QStringLiteral("shoes"),    QStringLiteral("jacket"),   QStringLiteral("voucher"),
    QStringLiteral("discount"), QStringLiteral("account"),  QStringLiteral("password"), QStringLiteral("login"),
    QStringLiteral("cancel"),   QStringLiteral("status"),   QStringLiteral("tracking"), QStringLiteral("number"),
};

QString sentence(QRandomGenerator& random, int words)
{
    QStringList picked;
    for (int i = 0; i < words; ++i)
        picked << kWords.at(random.bounded(static_cast<int>(kWords.size())));
    return picked.join(QLatin1Char(' '));
}

} // namespace

QString BenchSeeder::customerEmail(int index)
{
    return QStringLiteral("customer%1@bench.example").arg(index);
}

QString BenchSeeder::agentEmail(int index)
{
    return QStringLiteral("agent%1@bench.example").arg(index);
}

QString BenchSeeder::adminEmail()
{
    return QStringLiteral("admin@bench.example");
}

common::Result<void> BenchSeeder::seed(qint64 tickets, const QString& password)
{
    QList<qint64> customers;
    QList<qint64> agents;
    if (!m_accounts.hasUsers()) {
        auto admin = m_accounts.createUserNow(adminEmail(), QStringLiteral("Bench Admin"), password, common::Role::Admin);
        if (!admin)
            return admin.error();
        for (int i = 0; i < kAgents; ++i) {
            auto agent = m_accounts.createUserNow(agentEmail(i), QStringLiteral("Agent %1").arg(i), password,
                                                  common::Role::Agent);
            if (!agent)
                return agent.error();
            agents << agent->id;
        }
        for (int i = 0; i < kCustomers; ++i) {
            auto customer = m_accounts.createUserNow(customerEmail(i), QStringLiteral("Customer %1").arg(i), password,
                                                     common::Role::Customer);
            if (!customer)
                return customer.error();
            customers << customer->id;
        }
    } else {
        const auto listedAgents = m_accounts.listUsers({common::Role::Agent, common::UserState::Active});
        const auto listedCustomers = m_accounts.listUsers({common::Role::Customer, common::UserState::Active});
        if (!listedAgents || !listedCustomers || listedAgents->isEmpty() || listedCustomers->isEmpty())
            return common::Error(common::ErrorCode::Conflict, QStringLiteral("The database has no bench users."));
        for (const auto& agent : listedAgents.value())
            agents << agent.id;
        for (const auto& customer : listedCustomers.value())
            customers << customer.id;
    }

    QRandomGenerator random(20261121);
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-365);
    QTextStream out(stdout);
    return BulkLoader(m_database).loadTickets(
        tickets,
        [&](qint64 i) {
            BulkTicket ticket;
            ticket.customerId = customers.at(static_cast<int>(i % customers.size()));
            // Two thirds assigned, the rest in the unassigned pool.
            ticket.agentId = i % 3 == 2 ? 0 : agents.at(static_cast<int>(i % agents.size()));
            ticket.categoryId = 1 + i % 5;
            ticket.priority = static_cast<common::TicketPriority>(i % 4);
            ticket.subject = sentence(random, 4);
            ticket.description = sentence(random, 60);
            ticket.createdAt = start.addSecs(i * 30);
            return ticket;
        },
        [&out, tickets](qint64 done) { out << "seeded " << done << " of " << tickets << " tickets" << Qt::endl; });
}

} // namespace ccr::server
