#pragma once

#include "common/Result.h"

#include <QString>

namespace ccr::server {

class AccountService;
class Database;

/**
 * Fills a database for ccr-bench: an admin, agents and customers sharing one password, and
 * then as many tickets as asked, spread over the customers and agents, with texts drawn from
 * a fixed vocabulary so searches match a realistic share of tickets. Deterministic.
 */
class BenchSeeder final
{
public:
    BenchSeeder(AccountService& accounts, Database& database) : m_accounts(accounts), m_database(database) {}

    common::Result<void> seed(qint64 tickets, const QString& password);

    static constexpr int kCustomers = 100;
    static constexpr int kAgents = 10;
    static QString customerEmail(int index);
    static QString agentEmail(int index);
    static QString adminEmail();

private:
    AccountService& m_accounts;
    Database& m_database;
};

} // namespace ccr::server
