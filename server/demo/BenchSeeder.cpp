#include "BenchSeeder.h"

#include "services/AccountService.h"
#include "store/BulkLoader.h"

#include <QRandomGenerator>
#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace ccr::server {

namespace {

// Words a help desk hears; in the generated text each one lands in roughly 4-8 % of tickets.
const QStringList kDeskWords{
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

// The most frequent words of any English text: the head of the distribution.
const QStringList kCommonWords{
    QStringLiteral("the"),  QStringLiteral("i"),    QStringLiteral("and"),   QStringLiteral("to"),
    QStringLiteral("my"),   QStringLiteral("a"),    QStringLiteral("it"),    QStringLiteral("is"),
    QStringLiteral("of"),   QStringLiteral("for"),  QStringLiteral("was"),   QStringLiteral("not"),
    QStringLiteral("have"), QStringLiteral("this"), QStringLiteral("but"),   QStringLiteral("on"),
    QStringLiteral("with"), QStringLiteral("you"),  QStringLiteral("that"),  QStringLiteral("please"),
    QStringLiteral("can"),  QStringLiteral("in"),   QStringLiteral("me"),    QStringLiteral("still"),
    QStringLiteral("no"),   QStringLiteral("when"), QStringLiteral("would"), QStringLiteral("thanks"),
};

/**
 * Text drawn word by word from a Zipf distribution (exponent 1.07) over 4,000 words: the
 * common words first, then the help-desk words at ranks 100 to 139, then made-up words.
 * Real ticket text has this shape; a small uniform vocabulary would put every search term
 * in most tickets, a case the bench reports separately (a word in nearly every ticket).
 */
class ZipfText
{
public:
    static constexpr int kVocabulary = 4000;
    static constexpr int kFirstDeskRank = 100;

    ZipfText()
    {
        static const QStringList syllables{
            QStringLiteral("ka"),  QStringLiteral("lo"),  QStringLiteral("mi"),  QStringLiteral("ren"),
            QStringLiteral("tu"),  QStringLiteral("sa"),  QStringLiteral("vel"), QStringLiteral("do"),
            QStringLiteral("pri"), QStringLiteral("gan"), QStringLiteral("es"),  QStringLiteral("mor"),
            QStringLiteral("ti"),  QStringLiteral("bu"),  QStringLiteral("ner"), QStringLiteral("ol")};
        m_words = kCommonWords;
        for (int made = 0; m_words.size() < kVocabulary; ++made) {
            if (m_words.size() == kFirstDeskRank)
                m_words.append(kDeskWords);
            // Three syllables from the made-up index: 4,096 distinct words.
            m_words.append(syllables.at(made % 16) + syllables.at(made / 16 % 16) + syllables.at(made / 256 % 16));
        }
        double total = 0;
        for (int rank = 1; rank <= kVocabulary; ++rank) {
            total += 1.0 / std::pow(rank, 1.07);
            m_cumulative.append(total);
        }
        for (auto& value : m_cumulative)
            value /= total;
    }

    QString sentence(QRandomGenerator& random, int words) const
    {
        QStringList picked;
        for (int i = 0; i < words; ++i) {
            const auto at = std::lower_bound(m_cumulative.cbegin(), m_cumulative.cend(), random.generateDouble());
            picked << m_words.at(std::min<qsizetype>(at - m_cumulative.cbegin(), m_words.size() - 1));
        }
        return picked.join(QLatin1Char(' '));
    }

private:
    QStringList m_words;
    QList<double> m_cumulative;
};

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
        auto admin =
            m_accounts.createUserNow(adminEmail(), QStringLiteral("Bench Admin"), password, common::Role::Admin);
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
    const ZipfText text;
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-365);
    QTextStream out(stdout);
    return BulkLoader(m_database)
        .loadTickets(
            tickets,
            [&](qint64 i) {
                BulkTicket ticket;
                ticket.customerId = customers.at(static_cast<int>(i % customers.size()));
                // Two thirds assigned, the rest in the unassigned pool.
                ticket.agentId = i % 3 == 2 ? 0 : agents.at(static_cast<int>(i % agents.size()));
                ticket.categoryId = 1 + i % 5;
                ticket.priority = static_cast<common::TicketPriority>(i % 4);
                ticket.subject = text.sentence(random, 4);
                ticket.description = text.sentence(random, 60);
                ticket.createdAt = start.addSecs(i * 30);
                return ticket;
            },
            [&out, tickets](qint64 done) {
                if (done >= 0)
                    out << "seeded " << done << " of " << tickets << " tickets" << Qt::endl;
                else
                    out << "indexed " << -done << " texts for search" << Qt::endl;
            });
}

} // namespace ccr::server
